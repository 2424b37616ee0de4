import { EventRegistry, TokenEvent, tokenEvents } from '@extapps/contracts';
import { CommitRefused, CommitTimers, GroupCommit } from './group-commit';
import { TokenOutbox } from './outbox/token-outbox';
import { tokenEnvelopes } from './token-envelopes';
import {
  TokenEventMeta,
  TokenEventRecord,
  TokenEventSink,
  TokenEventsUnavailable,
} from './token-event-sink';

export interface OutboxSinkOptions {
  readonly outbox: TokenOutbox;
  /** Events per outbox write. */
  readonly maxBatch: number;
  /** Events waiting for a write beyond which `record` fails at once. */
  readonly maxWaiting: number;
  /** How long `record` may wait for its write. */
  readonly timeoutMs: number;
  /** Outbox writes in flight at once (default 1). */
  readonly maxInFlight?: number;
  /** Called after each successful write, e.g. to wake the relay. */
  readonly onStored?: () => void;
  /** Told each failed write (once per batch, not per request). */
  readonly onWriteFailed?: (error: unknown, count: number) => void;
  readonly timers?: CommitTimers;
}

const registry = new EventRegistry(tokenEvents);

/**
 * The durable TokenEventSink: `record` resolves once the request's envelopes are in the outbox
 * (group-committed with other requests' events); the relay takes them to Kafka later, so no
 * response waits on Kafka. Failing to store answers TokenEventsUnavailable.
 */
export class OutboxTokenEventSink implements TokenEventSink {
  private readonly commit: GroupCommit<TokenEvent>;

  constructor(private readonly options: OutboxSinkOptions) {
    this.commit = new GroupCommit<TokenEvent>({
      maxBatch: options.maxBatch,
      maxWaiting: options.maxWaiting,
      timeoutMs: options.timeoutMs,
      maxInFlight: options.maxInFlight,
      timers: options.timers,
      write: (events) => this.write(events),
    });
  }

  async record(records: readonly TokenEventRecord[], meta: TokenEventMeta): Promise<void> {
    if (records.length === 0) return;
    const envelopes = tokenEnvelopes(records, meta);
    // Checked here, not only by the relay: a stored event Kafka's publisher refuses would block
    // the relay for good. A refusal is a bug in the caller, so it surfaces as such (a 500).
    envelopes.forEach((envelope) => registry.parse(envelope));
    try {
      await this.commit.submit(envelopes);
    } catch (error) {
      const reason = error instanceof CommitRefused ? error.failure : 'unexpected';
      throw new TokenEventsUnavailable(reason, { cause: error });
    }
  }

  /** Resolves once every accepted event is written or failed (call before closing MongoDB). */
  drain(): Promise<void> {
    return this.commit.drain();
  }

  private async write(events: readonly TokenEvent[]): Promise<void> {
    try {
      await this.options.outbox.add(events);
    } catch (error) {
      this.options.onWriteFailed?.(error, events.length);
      throw error;
    }
    this.options.onStored?.();
  }
}
