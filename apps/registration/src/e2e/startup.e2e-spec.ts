import { generateClientSecret } from '@extapps/contracts';
import { RegistrationStack, startRegistrationStack } from './testing/registration-stack';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('start-up with MongoDB and Kafka unreachable', () => {
  let stack: RegistrationStack;
  let startedInMs = Infinity;

  beforeAll(async () => {
    const start = Date.now();
    stack = await startRegistrationStack({
      MONGO_URL: 'mongodb://127.0.0.1:1/',
      KAFKA_BROKERS: '127.0.0.1:1',
      BOOTSTRAP_ADMIN_CLIENT_SECRET: generateClientSecret().secret,
    });
    startedInMs = Date.now() - start;
  });
  // With MongoDB down, workers stopping wait for their in-flight pass (mongoose buffers an
  // operation up to 10 s) and their lease release: closing takes about 20 s.
  afterAll(() => stack?.close());

  it('listens at once, live but not ready; indexes, relay and bootstrap retry in the background', async () => {
    const live = await stack.anonymous.get('/health/live');
    const ready = await stack.anonymous.get('/health/ready');

    expect(startedInMs).toBeLessThan(5_000);
    expect(live.status).toBe(200);
    expect(ready.status).toBe(503);
  });
});
