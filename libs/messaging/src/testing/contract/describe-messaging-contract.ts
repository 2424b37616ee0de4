import { batchContract } from './batch-contract';
import { batchEventsContract } from './batch-events-contract';
import { commitContract } from './commit-contract';
import { deadLetterContract } from './dead-letter-contract';
import { eventsContract } from './events-contract';
import { ContractFixture, MakeBus } from './fixture';
import { offsetsContract } from './offsets-contract';

/**
 * The one behavioural contract of the messaging port, run against every adapter (in-memory in a
 * unit spec, Kafka in an integration spec), so the fake used by services' unit tests cannot drift.
 */
export function describeMessagingContract(name: string, makeBus: MakeBus): void {
  describe(`messaging contract: ${name}`, () => {
    const fixture = new ContractFixture(makeBus);
    beforeAll(() => fixture.open());
    afterEach(() => fixture.afterEach());
    afterAll(() => fixture.close());

    describe('commits', () => commitContract(fixture));
    describe('retries, dead letters and order', () => deadLetterContract(fixture));
    describe('events', () => eventsContract(fixture));
    describe('end offsets', () => offsetsContract(fixture));
    describe('batches', () => batchContract(fixture));
    describe('batches of events', () => batchEventsContract(fixture));
  });
}
