import { bootstrapService } from '@extapps/platform';
import { tokenService } from './service';

void bootstrapService(tokenService);
