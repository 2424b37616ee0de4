import { createEnvelope, EventDefinition, TokenEvent, tokenEvents } from '@extapps/contracts';
import { TokenEventMeta, TokenEventRecord } from './token-event-sink';

type AnyDefinition = EventDefinition<string, Record<string, unknown>>;

/** Wraps records in envelopes (UUID v7 ids, the request's actor and correlation id). */
export function tokenEnvelopes(
  records: readonly TokenEventRecord[],
  meta: TokenEventMeta,
): TokenEvent[] {
  return records.map(({ streamId, payload, streamVersion }) => {
    const definition = tokenEvents.find((d) => d.type === payload.type) as
      | AnyDefinition
      | undefined;
    if (!definition) throw new Error(`not a token event: ${payload.type}`);
    // Sound: the payload's data is typed by its `type`, the definition found by the same `type`.
    const envelope = createEnvelope(definition, payload.data, {
      streamId,
      streamVersion: streamVersion ?? 1,
      ...meta,
      causationId: null,
    });
    return envelope as TokenEvent;
  });
}
