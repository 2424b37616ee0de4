import { describeServiceBasics } from '@extapps/platform/testing';
import { signingKeyTestEnv } from './keys/testing/signing-key-env';
import { tokenService } from './service';

describeServiceBasics(tokenService, signingKeyTestEnv());
