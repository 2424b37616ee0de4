/** Injection tokens of the permissions service's write-side ports. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
/** Wakes the outbox relay and the view workers after an append, so they do not wait for a poll. */
export const OUTBOX_WAKER = Symbol('OUTBOX_WAKER');
