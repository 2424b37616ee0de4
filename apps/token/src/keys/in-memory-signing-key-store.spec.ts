import { InMemorySigningKeyStore } from './in-memory-signing-key-store';
import { describeSigningKeyStoreContract } from './testing/signing-key-store-contract';

describeSigningKeyStoreContract('in-memory', async () => new InMemorySigningKeyStore());
