import { Actor, PayloadOf, tokenEvents } from '@extapps/contracts';

/** A token service event before its envelope: type and data. */
export type TokenEventPayload = PayloadOf<(typeof tokenEvents)[number]>;

/** One event to record, with the stream (and message key) it belongs to: the client or user id. */
export interface TokenEventRecord {
  readonly streamId: string;
  readonly payload: TokenEventPayload;
  /** 1 for grant records; the aggregate's version for user directory events. */
  readonly streamVersion?: number;
}

/** Who caused the events and where the request came from; shared by the events of one request. */
export interface TokenEventMeta {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly occurredAt: Date;
}

/**
 * Where the token service's events go. `record` resolves once the events are durable: from then on
 * they reach `extapps.token.events.v1` even if this process dies, so a response that depends on
 * them (a token, a refusal) is sent only after it resolves. It never waits on Kafka.
 */
export interface TokenEventSink {
  record(events: readonly TokenEventRecord[], meta: TokenEventMeta): Promise<void>;
}

export const TOKEN_EVENT_SINK = Symbol('TOKEN_EVENT_SINK');

/**
 * `record` could not make the events durable in time (storage down or slow, too many waiting):
 * the request's answer is 503 `temporarily_unavailable`, never the token. Caveat: a write that
 * timed out may still land, so a refused request's events can reach the topic all the same.
 */
export class TokenEventsUnavailable extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`token events not recorded: ${reason}`, options);
    this.name = 'TokenEventsUnavailable';
  }
}
