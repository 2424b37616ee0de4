import { EventEnvelope } from '@extapps/contracts';

/** Copied from the envelope so tools and consumers can route or filter without parsing values. */
export const EventHeaders = {
  eventId: 'event-id',
  type: 'event-type',
  schemaVersion: 'event-schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;

export function eventHeaders(event: EventEnvelope): Record<string, string> {
  return {
    [EventHeaders.eventId]: event.eventId,
    [EventHeaders.type]: event.type,
    [EventHeaders.schemaVersion]: String(event.schemaVersion),
    [EventHeaders.correlationId]: event.correlationId,
    ...(event.causationId === null ? {} : { [EventHeaders.causationId]: event.causationId }),
  };
}
