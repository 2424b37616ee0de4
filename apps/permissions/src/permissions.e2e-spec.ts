import { describeServiceBasics } from '@extapps/platform/testing';
import { permissionsService } from './service';

describeServiceBasics(permissionsService);
