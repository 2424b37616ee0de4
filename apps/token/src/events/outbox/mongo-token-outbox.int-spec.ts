import { mongoTestDatabase } from '@extapps/event-store/testing';
import { uniqueName } from '@extapps/testing';
import { describeTokenOutboxContract } from '../testing/token-outbox-contract';
import { MongoTokenOutbox } from './mongo-token-outbox';

const connection = mongoTestDatabase('token_outbox');

describeTokenOutboxContract(
  'MongoDB',
  async () => new MongoTokenOutbox(connection(), uniqueName('outbox')),
);
