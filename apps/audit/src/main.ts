import { bootstrapService } from '@extapps/platform';
import { auditService } from './service';

void bootstrapService(auditService);
