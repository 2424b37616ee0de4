import { intSetting } from '@extapps/platform';

/** The token events' settings, spread into the service's config schema. */
export const tokenEventSettings = {
  /** Most events per outbox write; concurrent requests share one write (group commit). */
  EVENTS_OUTBOX_MAX_BATCH: intSetting(1, 10_000, 500),
  /** Events waiting for the outbox beyond which requests answer 503 at once (back-pressure). */
  EVENTS_OUTBOX_MAX_WAITING: intSetting(1, 1_000_000, 10_000),
  /** Outbox writes in flight at once: more overlap MongoDB round trips, in smaller batches. */
  EVENTS_OUTBOX_MAX_IN_FLIGHT: intSetting(1, 64, 1),
  /** A request whose events are not stored by then answers 503 `temporarily_unavailable`. */
  EVENTS_OUTBOX_TIMEOUT_MS: intSetting(50, 60_000, 2_000),
  /** How often the relay looks for events other instances recorded (its own wake it at once). */
  EVENTS_RELAY_POLL_INTERVAL_MS: intSetting(10, 60_000, 500),
  /** Least time between two relay passes that found events: under load, fewer and larger sends. */
  EVENTS_RELAY_LINGER_MS: intSetting(0, 1_000, 50),
};
