import { describeServiceBasics } from '@extapps/platform/testing';
import { tokenService } from './service';

describeServiceBasics(tokenService);
