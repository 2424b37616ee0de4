import { describeEventStoreContract, testEvent } from '../testing';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async ({ queues }) => new InMemoryEventStore({ queues }));

describe('InMemoryEventStore', () => {
  it('given a stored event changed by the caller afterwards, then the store is not affected', async () => {
    const store = new InMemoryEventStore({ queues: [] });
    const event = testEvent('app-1', 1, { name: 'before' });
    const stored = await store.append(event, 0);

    (event.data as Record<string, unknown>)['name'] = 'changed';
    (stored.event.data as Record<string, unknown>)['name'] = 'changed too';

    const [read] = await store.readStream('app-1');
    expect(read.event.data).toEqual({ name: 'before' });
  });

  it('given queue names that cannot be field names, then the store refuses them', () => {
    expect(() => new InMemoryEventStore({ queues: ['pending.kafka'] })).toThrow(/queue name/);
    expect(() => new InMemoryEventStore({ queues: ['kafka', 'kafka'] })).toThrow(/unique/);
  });
});
