import { v7 as uuidv7 } from 'uuid';
import { Actor, EventEnvelope } from './envelope';
import { EventDefinition } from './event-definition';

export interface EnvelopeContext {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly occurredAt: Date;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
}

export function newEventId(): string {
  return uuidv7();
}

export function createEnvelope<TType extends string, TData extends Record<string, unknown>>(
  definition: EventDefinition<TType, TData>,
  data: TData,
  context: EnvelopeContext,
): EventEnvelope<TType, TData> {
  return {
    eventId: newEventId(),
    type: definition.type,
    schemaVersion: definition.schemaVersion,
    streamId: context.streamId,
    streamVersion: context.streamVersion,
    occurredAt: context.occurredAt.toISOString(),
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    data,
  };
}
