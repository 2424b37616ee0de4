import { mongoTestDatabase } from '@extapps/event-store/testing';
import { uniqueName } from '@extapps/testing';
import { MongoClientAssertionReplay } from './mongo-client-assertion-replay';
import { describeClientAssertionReplayContract } from './testing/client-assertion-replay-contract';

const connection = mongoTestDatabase('used_assertions');

describeClientAssertionReplayContract(
  'mongo',
  async () => new MongoClientAssertionReplay(connection(), uniqueName('client_assertion_jtis')),
);
