import { InMemoryAuthorizationCodeStore } from './in-memory-authorization-code-store';
import { describeAuthorizationCodeStoreContract } from './testing/authorization-code-store-contract';

describeAuthorizationCodeStoreContract('in-memory', () => new InMemoryAuthorizationCodeStore());
