/** Injection tokens of the audit service's own ports. */

/** The `Clock` (from @extapps/contracts) stamping `recordedAt`, checkpoints and retention. */
export const CLOCK = Symbol('CLOCK');

/**
 * The chainer's `ChainerWake` (chain/chainer.ts), provided by the chain module: ingestion wakes
 * it after storing records, so they are chained at once instead of at its next poll. Optional.
 */
export const CHAINER_WAKE = Symbol('CHAINER_WAKE');
