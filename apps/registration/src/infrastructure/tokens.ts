/** Injection tokens of the registration service's own ports. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const APP_SNAPSHOTS = Symbol('APP_SNAPSHOTS');
export const CLOCK = Symbol('CLOCK');
export const RESOURCE_CATALOG = Symbol('RESOURCE_CATALOG');
/** Projects freshly appended events at once (read-your-writes): a ReadModelProjector. */
export const READ_MODEL_PROJECTOR = Symbol('READ_MODEL_PROJECTOR');
/** Wakes the outbox relay after an append, so publication does not wait for its next poll. */
export const OUTBOX_WAKER = Symbol('OUTBOX_WAKER');
