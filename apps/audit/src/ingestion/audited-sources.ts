import {
  EventEnvelope,
  EventOf,
  EventRegistry,
  permissionsEvents,
  PermissionsEvent,
  registrationEvents,
  RegistrationEvent,
  tokenEvents,
  TokenEvent,
  Topics,
} from '@extapps/contracts';
import { normalizePermissionsEvent } from '../normalization/permissions.normalizer';
import { NormalizeContext } from '../normalization/record-base';
import { normalizeRegistrationEvent } from '../normalization/registration.normalizer';
import { normalizeTokenEvent } from '../normalization/token.normalizer';
import { AuditRecord } from '../records/audit-record';

/** One topic the audit service understands: the events it may carry and how each is recorded. */
export interface AuditedSource {
  readonly topic: string;
  readonly registry: EventRegistry;
  /** Called only with events `registry` parsed. */
  readonly normalize: (event: EventEnvelope, context: NormalizeContext) => AuditRecord;
}

// The casts are sound: each normalizer receives only events parsed by the registry built from
// exactly the definitions its union is made of.
export const AUDITED_SOURCES: readonly AuditedSource[] = [
  {
    topic: Topics.registrationEvents,
    registry: new EventRegistry(registrationEvents),
    normalize: (event, context) => normalizeRegistrationEvent(event as RegistrationEvent, context),
  },
  {
    topic: Topics.tokenEvents,
    registry: new EventRegistry(tokenEvents),
    normalize: (event, context) => normalizeTokenEvent(event as TokenEvent, context),
  },
  {
    topic: Topics.permissionsEvents,
    registry: new EventRegistry(permissionsEvents),
    normalize: (event, context) => normalizePermissionsEvent(event as PermissionsEvent, context),
  },
];

/**
 * Every event any audited topic may carry: the consumer parses against all of them, and the
 * pipeline then refuses an event on a topic it does not belong to (AuditedSource.registry).
 */
export const AUDITED_DEFINITIONS = [
  ...registrationEvents,
  ...tokenEvents,
  ...permissionsEvents,
] as const;

export type AuditedEvent = EventOf<(typeof AUDITED_DEFINITIONS)[number]>;

/** Used only when the audit service starts before a producing service created its topic. */
export const AUDITED_TOPIC_PARTITIONS = 3;
