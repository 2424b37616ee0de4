import { describeServiceBasics } from '@extapps/platform/testing';
import { testSigningKeyPem } from './chain/testing/signing-keys';
import { auditService } from './service';

describeServiceBasics(auditService, { AUDIT_SIGNING_KEY: testSigningKeyPem() });
