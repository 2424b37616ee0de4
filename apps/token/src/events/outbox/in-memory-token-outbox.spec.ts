import { InMemoryTokenOutbox } from '../testing/in-memory-token-outbox';
import { describeTokenOutboxContract } from '../testing/token-outbox-contract';

describeTokenOutboxContract('in memory', async () => new InMemoryTokenOutbox());
