import { InMemoryGrantStore } from './in-memory-grant-store';
import { describeGrantStoreContract } from './testing/grant-store-contract';

describeGrantStoreContract('in-memory', () => new InMemoryGrantStore());
