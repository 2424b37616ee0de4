import { bootstrapService } from '@extapps/platform';
import { permissionsService } from './service';

void bootstrapService(permissionsService);
