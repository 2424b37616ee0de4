import { deadLetterTopic, ExternalAppEnabled, Topics } from '@extapps/contracts';
import { InMemoryBus } from '@extapps/messaging';
import { recordingSleep } from '@extapps/messaging/testing';
import { eventually } from '@extapps/testing';
import { eventOf } from '../normalization/testing/audit-events';
import { ingestionOn } from './testing/ingestion-fixture';
import { MemoryPendingRecords } from './testing/memory-pending';

describe('AuditIngestion (in-memory bus)', () => {
  it('given a store that fails many times, then the event is retried until stored, never parked', async () => {
    const bus = new InMemoryBus();
    const pending = new MemoryPendingRecords();
    const { sleep, delays } = recordingSleep();
    const { ingestion, groupId } = ingestionOn(bus, pending, { sleep });
    await ingestion.start();
    // More failures than the bus's default retry budget (5 attempts) would allow.
    pending.failNext = 12;
    const event = eventOf(ExternalAppEnabled, {});

    await bus.producer.send(Topics.registrationEvents, [
      { key: event.streamId, value: JSON.stringify(event) },
    ]);

    await eventually(() => expect(pending.records.has(event.eventId)).toBe(true));
    expect(pending.calls).toBe(13);
    expect(Math.max(...delays)).toBe(5_000);
    const parked = await bus.endOffsets(deadLetterTopic(groupId, Topics.registrationEvents));
    expect(parked).toEqual([{ partition: 0, offset: '0' }]);
    await ingestion.beforeApplicationShutdown();
    await bus.close();
  });

  it('given a backlog, then it is stored a batch at a time: one insert per batch of at most the batch size', async () => {
    const bus = new InMemoryBus();
    const pending = new MemoryPendingRecords();
    const events = Array.from({ length: 45 }, (_, i) =>
      eventOf(ExternalAppEnabled, {}, { streamId: `app-${i % 5}` }),
    );
    await bus.ensureTopics([{ topic: Topics.registrationEvents, partitions: 3 }]);
    await bus.producer.send(
      Topics.registrationEvents,
      events.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
    );
    const { ingestion } = ingestionOn(bus, pending, {}, 10);

    await ingestion.start();

    await eventually(() => expect(pending.records.size).toBe(45));
    expect(Math.max(...pending.batchSizes)).toBe(10);
    // 45 events on 3 partitions: at least 5 inserts, far fewer than one per event.
    expect(pending.calls).toBeLessThan(10);
    await ingestion.beforeApplicationShutdown();
    await bus.close();
  });

  it('given no audited topic yet, then it creates the three known ones and reads them all', async () => {
    const bus = new InMemoryBus();
    const { ingestion } = ingestionOn(bus, new MemoryPendingRecords());

    await ingestion.start();

    expect(ingestion.state).toBe('running');
    for (const topic of Object.values(Topics)) {
      expect(await bus.endOffsets(topic)).toHaveLength(3);
    }
    await ingestion.beforeApplicationShutdown();
    expect(ingestion.state).toBe('stopped');
    await bus.close();
  });
});
