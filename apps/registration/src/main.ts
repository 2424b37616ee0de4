import { bootstrapService } from '@extapps/platform';
import { registrationService } from './service';

void bootstrapService(registrationService);
