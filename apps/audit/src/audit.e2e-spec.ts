import { describeServiceBasics } from '@extapps/platform/testing';
import { auditService } from './service';

describeServiceBasics(auditService);
