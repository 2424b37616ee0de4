const HOUR_MS = 3_600_000;

/**
 * How long a new key is published before it signs. It must exceed the time for every instance to
 * load it (SIGNING_KEY_REFRESH_SECONDS, at most 10 min) plus what verifiers may cache the JWKS
 * for (our Cache-Control says 5 min); an hour leaves room for slow refreshes and for verifiers
 * that cache longer but refetch on an unknown kid anyway.
 */
export const PUBLISH_AHEAD_MS = HOUR_MS;

/**
 * The longest access token lifetime there can be: ACCESS_TOKEN_TTL_SECONDS and the per-app
 * lifetime both stop at 86400 s. Raise it with them, or old keys leave the JWKS too early.
 */
export const LONGEST_ACCESS_TOKEN_LIFETIME_MS = 24 * HOUR_MS;

/** Verifiers accept a token a little after `exp` (clock skew leeway), and clocks drift. */
export const VERIFIER_LEEWAY_MS = 10 * 60_000;

/** The rotation interval cannot be shorter than twice the publish-ahead interval. */
export const MIN_ROTATION_HOURS = 2;
export const MAX_ROTATION_HOURS = 8_760;
/** 30 days. */
export const DEFAULT_ROTATION_HOURS = 720;

export interface KeySchedule {
  /** How long each key signs (SIGNING_KEY_ROTATION_HOURS). */
  readonly rotationMs: number;
  readonly publishAheadMs: number;
  /** How long a key stays published once its successor signs. */
  readonly retentionMs: number;
}

export function keySchedule(rotationHours: number): KeySchedule {
  if (rotationHours < MIN_ROTATION_HOURS) throw new Error(`rotation below ${MIN_ROTATION_HOURS} h`);
  return {
    rotationMs: rotationHours * HOUR_MS,
    publishAheadMs: PUBLISH_AHEAD_MS,
    retentionMs: LONGEST_ACCESS_TOKEN_LIFETIME_MS + VERIFIER_LEEWAY_MS,
  };
}

/** What the schedule needs of a key; lists are by ascending generation. */
export interface ScheduledKey {
  readonly generation: number;
  readonly activatesAt: Date;
}

export interface DueKey {
  readonly generation: number;
  readonly activatesAt: Date;
}

/**
 * The key to create now, if any: the first key signs at once (nothing can have cached a JWKS
 * yet); each next one is created a publish-ahead interval before the newest key has signed for a
 * rotation interval. After a long outage it activates a full publish-ahead interval from now.
 */
export function dueKey(
  keys: readonly ScheduledKey[],
  now: Date,
  schedule: KeySchedule,
): DueKey | null {
  const newest = keys.at(-1);
  if (!newest) return { generation: 1, activatesAt: now };
  const scheduled = newest.activatesAt.getTime() + schedule.rotationMs;
  if (now.getTime() < scheduled - schedule.publishAheadMs) return null;
  const earliest = now.getTime() + schedule.publishAheadMs;
  return {
    generation: newest.generation + 1,
    activatesAt: new Date(Math.max(scheduled, earliest)),
  };
}

/**
 * Keys no token can still need: their successor has signed for longer than the retention, so
 * every token they signed has expired. The newest key is never retired.
 */
export function isRetired(
  keys: readonly ScheduledKey[],
  index: number,
  now: Date,
  schedule: KeySchedule,
): boolean {
  const successor = keys[index + 1];
  return (
    successor !== undefined &&
    successor.activatesAt.getTime() + schedule.retentionMs <= now.getTime()
  );
}

export function retiredGenerations(
  keys: readonly ScheduledKey[],
  now: Date,
  schedule: KeySchedule,
): number[] {
  return keys.filter((_, i) => isRetired(keys, i, now, schedule)).map((k) => k.generation);
}

/**
 * The key that signs at `now`: the newest one active. Before the first activation (a clock set
 * back) the oldest key signs, rather than none.
 */
export function signingKeyAt<K extends ScheduledKey>(keys: readonly K[], now: Date): K | undefined {
  const at = now.getTime();
  for (let i = keys.length - 1; i >= 0; i--)
    if (keys[i].activatesAt.getTime() <= at) return keys[i];
  return keys[0];
}
