import { deadLetterTopic, EventRegistry } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { DeadLetterHeaders } from '../../delivery/dead-letter';
import { createEventBatchConsumer, EventBatchHandler } from '../../events/event-batch-consumer';
import { EventPublisher } from '../../events/event-publisher';
import { collector, recordingSleep } from '../helpers';
import { sampleCreated, sampleDefinitions, sampleRenamed } from '../sample-events';
import { ContractFixture } from './fixture';

type SampleEvent = ReturnType<typeof sampleCreated> | ReturnType<typeof sampleRenamed>;

/** A batch consumer of events parks what is no valid event, and what its handler refuses. */
export function batchEventsContract(f: ContractFixture): void {
  const registry = new EventRegistry([...sampleDefinitions]);

  async function consume(topic: string, groupId: string, handler: EventBatchHandler<SampleEvent>) {
    const invalid: string[] = [];
    const consumer = f.track(
      createEventBatchConsumer(
        f.bus,
        {
          groupId,
          topics: [topic],
          fromBeginning: true,
          definitions: sampleDefinitions,
          sleep: recordingSleep().sleep,
          onInvalid: (message, reason) => invalid.push(`${message.offset}: ${reason}`),
        },
        handler,
      ),
    );
    await consumer.start();
    return { invalid, consumer };
  }

  async function parkedOn(topic: string, groupId: string, count: number) {
    const parked = collector();
    await f.start(
      { groupId: f.group(), topics: [deadLetterTopic(groupId, topic)] },
      parked.handler,
    );
    await eventually(() => expect(parked.received).toHaveLength(count));
    return parked.received;
  }

  it('hands over the valid events typed, with their origin; invalid ones are parked at once and told', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    const created = sampleCreated('stream-b1', 'first');
    const renamed = sampleRenamed('stream-b1', 'first', 'second');
    const publisher = new EventPublisher(f.bus.producer, registry);
    await publisher.publish(topic, [created]);
    await f.send(topic, [
      { key: 'stream-b1', value: '{not json' },
      { key: 'stream-b1', value: JSON.stringify({ ...created, type: 'SomethingElse' }) },
    ]);
    await publisher.publish(topic, [renamed]);
    const seen: string[] = [];
    const { invalid, consumer } = await consume(topic, groupId, async (events) => {
      for (const { event, context } of events) {
        const what =
          event.type === 'SampleCreated' ? event.data.name : `${event.data.from}>${event.data.to}`;
        seen.push(`${context.offset} ${event.eventId} ${what}`);
      }
    });

    const parked = await parkedOn(topic, groupId, 2);
    expect(seen).toEqual([`0 ${created.eventId} first`, `3 ${renamed.eventId} first>second`]);
    expect(parked.map((m) => m.headers[DeadLetterHeaders.originalOffset])).toEqual(['1', '2']);
    for (const letter of parked) {
      expect(letter.headers[DeadLetterHeaders.attempts]).toBe('1');
      expect(letter.headers[DeadLetterHeaders.error]).toMatch(/^not a valid event: /);
    }
    expect(parked[1]?.headers[DeadLetterHeaders.error]).toContain('unknown event');
    expect(invalid).toEqual([
      expect.stringMatching(/^1: not a valid event: /),
      expect.stringMatching(/^2: not a valid event: unknown event/),
    ]);
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '4' }]);
  });

  it('parks the events its handler refuses, with the reason, and commits the rest', async () => {
    const topic = await f.topic();
    const groupId = f.group();
    const events = ['keep', 'refuse', 'keep too'].map((name) => sampleCreated('stream-b2', name));
    await new EventPublisher(f.bus.producer, registry).publish(topic, events);
    const kept: string[] = [];
    const { consumer } = await consume(topic, groupId, async (received) => {
      const refused = received.filter(
        ({ event }) => event.type === 'SampleCreated' && event.data.name === 'refuse',
      );
      received.filter((r) => !refused.includes(r)).forEach((r) => kept.push(r.event.eventId));
      return { refused: refused.map((r) => ({ received: r, reason: 'not for this consumer' })) };
    });

    const parked = await parkedOn(topic, groupId, 1);
    expect(JSON.parse(parked[0]?.value.toString() ?? '')).toEqual(events[1]);
    expect(parked[0]?.headers[DeadLetterHeaders.error]).toBe('not for this consumer');
    expect(kept).toEqual([events[0]?.eventId, events[2]?.eventId]);
    await consumer.stop();
    expect(await f.bus.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '3' }]);
  });
}
