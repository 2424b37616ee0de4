import { InMemoryClientAssertionReplay } from './client-assertion-replay';
import { describeClientAssertionReplayContract } from './testing/client-assertion-replay-contract';

describeClientAssertionReplayContract('in-memory', async () => new InMemoryClientAssertionReplay());
