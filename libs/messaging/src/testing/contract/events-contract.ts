import {
  deadLetterTopic,
  EventEnvelope,
  EventRegistry,
  InvalidEventError,
} from '@extapps/contracts';
import { DeadLetterHeaders } from '../../delivery/dead-letter';
import { createEventConsumer, EventContext } from '../../events/event-consumer';
import { EventHeaders } from '../../events/event-headers';
import { EventPublisher } from '../../events/event-publisher';
import { collector, recordingSleep } from '../helpers';
import { eventually } from '@extapps/testing';
import { sampleCreated, sampleDefinitions, sampleRenamed } from '../sample-events';
import { ContractFixture } from './fixture';

/** Events are validated on the way out and on the way in; invalid ones are parked at once. */
export function eventsContract(f: ContractFixture): void {
  const registry = new EventRegistry([...sampleDefinitions]);

  async function consumeEvents(topic: string, groupId: string, sleep = recordingSleep().sleep) {
    const seen: string[] = [];
    const contexts: EventContext[] = [];
    const consumer = f.track(
      createEventConsumer(
        f.bus,
        {
          groupId,
          topics: [topic],
          fromBeginning: true,
          definitions: sampleDefinitions,
          sleep,
        },
        async (event, context) => {
          contexts.push(context);
          switch (event.type) {
            case 'SampleCreated':
              return void seen.push(`created ${event.data.name} (${event.eventId})`);
            case 'SampleRenamed':
              return void seen.push(`renamed ${event.data.from} to ${event.data.to}`);
            default: {
              const unexpected: never = event;
              throw new Error(`unexpected event ${JSON.stringify(unexpected)}`);
            }
          }
        },
      ),
    );
    await consumer.start();
    return { seen, contexts, consumer };
  }

  it('publishes valid events keyed by stream id with envelope headers; consumers get them typed', async () => {
    const topic = await f.topic(3);
    const created = sampleCreated('stream-1', 'first');
    const renamed = sampleRenamed('stream-1', 'first', 'second');
    await new EventPublisher(f.bus.producer, registry).publish(topic, [created, renamed]);
    const { seen, contexts } = await consumeEvents(topic, f.group());
    await eventually(() =>
      expect(seen).toEqual([`created first (${created.eventId})`, 'renamed first to second']),
    );
    expect(contexts.map((c) => c.topic)).toEqual([topic, topic]);

    const raw = collector();
    await f.start({ groupId: f.group(), topics: [topic] }, raw.handler);
    await eventually(() => expect(raw.received).toHaveLength(2));
    expect(raw.received.map((m) => m.key)).toEqual(['stream-1', 'stream-1']);
    expect(JSON.parse(raw.values()[0])).toEqual(created);
    expect(raw.received[1].headers).toEqual({
      [EventHeaders.eventId]: renamed.eventId,
      [EventHeaders.type]: 'SampleRenamed',
      [EventHeaders.schemaVersion]: '1',
      [EventHeaders.correlationId]: 'corr-stream-1',
    });
  });

  it('refuses to publish a batch holding an invalid envelope, and publishes none of it', async () => {
    const topic = await f.topic();
    const invalid = {
      ...sampleCreated('stream-2', 'x'),
      data: { name: '' },
    } as EventEnvelope;
    const publisher = new EventPublisher(f.bus.producer, registry);
    await expect(
      publisher.publish(topic, [sampleCreated('stream-2', 'ok'), invalid]),
    ).rejects.toThrow(InvalidEventError);
    await publisher.publish(topic, [sampleCreated('stream-2', 'marker')]);
    const { seen } = await consumeEvents(topic, f.group());
    await eventually(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatch(/^created marker/);
  });

  it('parks malformed and unknown messages at once, without retries, and goes on', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    const unknown = {
      ...sampleCreated('stream-3', 'x'),
      type: 'SomethingElse',
    };
    await f.bus.producer.send(topic, [
      { key: 'stream-3', value: '{not json' },
      { key: 'stream-3', value: JSON.stringify(unknown) },
    ]);
    await new EventPublisher(f.bus.producer, registry).publish(topic, [
      sampleCreated('stream-3', 'valid'),
    ]);
    const { sleep, delays } = recordingSleep();
    const { seen } = await consumeEvents(topic, groupId, sleep);
    await eventually(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatch(/^created valid/);

    const parked = collector();
    await f.start(
      { groupId: f.group(), topics: [deadLetterTopic(groupId, topic)] },
      parked.handler,
    );
    await eventually(() => expect(parked.received).toHaveLength(2));
    expect(parked.values()).toEqual(['{not json', JSON.stringify(unknown)]);
    for (const letter of parked.received) {
      expect(letter.headers[DeadLetterHeaders.attempts]).toBe('1');
      expect(letter.headers[DeadLetterHeaders.error]).toMatch(/^not a valid event: /);
    }
    expect(parked.received[1].headers[DeadLetterHeaders.error]).toContain('unknown event');
    expect(delays).toEqual([]);
  });

  it('retries an event whose handler failed, with the same event id', async () => {
    const topic = await f.topic();
    const event = sampleCreated('stream-4', 'retried');
    await new EventPublisher(f.bus.producer, registry).publish(topic, [event]);
    const ids: string[] = [];
    const { sleep } = recordingSleep();
    const consumer = f.track(
      createEventConsumer(
        f.bus,
        {
          groupId: f.group(),
          topics: [topic],
          fromBeginning: true,
          definitions: sampleDefinitions,
          sleep,
        },
        async (received) => {
          ids.push(received.eventId);
          if (ids.length === 1) throw new Error('first attempt fails');
        },
      ),
    );
    await consumer.start();
    await eventually(() => expect(ids).toEqual([event.eventId, event.eventId]));
  });
}
