import { EventRegistry, TokenEvent, tokenEvents } from '@extapps/contracts';
import { tokenEnvelopes } from '../token-envelopes';
import { TokenEventMeta, TokenEventRecord, TokenEventSink } from '../token-event-sink';

const registry = new EventRegistry(tokenEvents);

/** Unit tests only: keeps the recorded events as validated envelopes, in order. */
export class RecordingTokenEventSink implements TokenEventSink {
  readonly events: TokenEvent[] = [];

  record(records: readonly TokenEventRecord[], meta: TokenEventMeta): Promise<void> {
    for (const envelope of tokenEnvelopes(records, meta))
      this.events.push(registry.parse(envelope) as TokenEvent);
    return Promise.resolve();
  }

  ofType<T extends TokenEvent['type']>(type: T): Extract<TokenEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<TokenEvent, { type: T }> => e.type === type);
  }
}
