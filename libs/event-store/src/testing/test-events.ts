import { defineEvent, EventEnvelope, EventRegistry, newEventId } from '@extapps/contracts';
import { z } from 'zod';

/** The one event type of the event-store tests: the library stays free of business events. */
export const TestEventHappened = defineEvent(
  'TestEventHappened',
  1,
  z.record(z.string(), z.unknown()),
);

export function testEventRegistry(): EventRegistry {
  return new EventRegistry([TestEventHappened]);
}

/** A valid envelope at `streamVersion` of `streamId`, with a fresh event id. */
export function testEvent(
  streamId: string,
  streamVersion: number,
  data: Record<string, unknown> = { n: streamVersion },
): EventEnvelope {
  return {
    eventId: newEventId(),
    type: TestEventHappened.type,
    schemaVersion: TestEventHappened.schemaVersion,
    streamId,
    streamVersion,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, streamVersion)).toISOString(),
    actor: { type: 'user', id: 'user-1', displayName: 'Ada', ip: '203.0.113.7' },
    correlationId: `corr-${streamId}`,
    causationId: null,
    data,
  };
}

/** Appends versions 1..count of `streamId`, one by one. */
export async function appendStream(
  store: { append(event: EventEnvelope, expectedVersion: number): Promise<unknown> },
  streamId: string,
  count: number,
): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  for (let version = 1; version <= count; version++) {
    const event = testEvent(streamId, version);
    await store.append(event, version - 1);
    events.push(event);
  }
  return events;
}
