import { Actor, EventEnvelope } from '@extapps/contracts';
import { Connection, Model, Schema } from 'mongoose';
import { StoredEvent } from '../ports';

/** One event per document: the envelope, its global position and the queues it still waits in. */
export interface EventDocument {
  readonly _id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  /** Kept as the envelope's ISO string so a read envelope equals the appended one. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: Record<string, unknown>;
  readonly position: number;
  /** `{ <queue>: true }` for each queue the event has not been acknowledged on. */
  readonly pending: Record<string, true>;
}

const eventSchema = new Schema<EventDocument>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    schemaVersion: { type: Number, required: true },
    streamId: { type: String, required: true },
    streamVersion: { type: Number, required: true },
    occurredAt: { type: String, required: true },
    actor: { type: Schema.Types.Mixed },
    correlationId: { type: String, required: true },
    causationId: { type: String, default: null },
    data: { type: Schema.Types.Mixed },
    position: { type: Number, required: true },
    pending: { type: Schema.Types.Mixed },
  },
  // minimize: false keeps `data: {}` and `pending: {}`: an envelope must read back as appended.
  { versionKey: false, minimize: false, strict: 'throw' },
);

/** The collection's model, registered once per connection (mongoose refuses a second model). */
export function eventModel(connection: Connection, collection: string): Model<EventDocument> {
  const name = `event-store:${collection}`;
  return (
    (connection.models[name] as Model<EventDocument> | undefined) ??
    connection.model<EventDocument>(name, eventSchema, collection)
  );
}

export function toDocument(
  event: EventEnvelope,
  position: number,
  queues: readonly string[],
): EventDocument {
  const { eventId, ...envelope } = event;
  const pending = Object.fromEntries(queues.map((q) => [q, true] as const));
  return { _id: eventId, ...envelope, position, pending };
}

export function toStored(document: EventDocument): StoredEvent {
  const { _id, position, pending: _pending, ...envelope } = document;
  return { position, event: { eventId: _id, ...envelope } };
}
