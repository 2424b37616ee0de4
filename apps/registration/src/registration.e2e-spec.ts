import { describeServiceBasics } from '@extapps/platform/testing';
import { registrationService } from './service';

describeServiceBasics(registrationService);
