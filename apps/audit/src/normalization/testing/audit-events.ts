import {
  Actor,
  createEnvelope,
  EventDefinition,
  EventEnvelope,
  EventRegistry,
  permissionsEvents,
  registrationEvents,
  tokenEvents,
} from '@extapps/contracts';

export const OCCURRED_AT = new Date('2026-05-04T10:00:00.000Z');
export const RECORDED_AT = new Date('2026-05-04T10:00:00.250Z');

export const admin: Actor = {
  type: 'user',
  id: 'admin-7',
  displayName: 'Ada Admin',
  ip: '203.0.113.9',
  userAgent: 'curl/8.5',
};

export interface EventOptions {
  readonly streamId?: string;
  readonly actor?: Actor;
  readonly correlationId?: string;
  readonly occurredAt?: Date;
}

const registry = new EventRegistry([...registrationEvents, ...tokenEvents, ...permissionsEvents]);

/**
 * An envelope of any audited event type, validated by the contracts: a fixture the publisher
 * would refuse could not reach the audit service either.
 */
export function eventOf<T extends string, D extends Record<string, unknown>>(
  definition: EventDefinition<T, D>,
  data: D,
  options: EventOptions = {},
): EventEnvelope<T, D> {
  const event = createEnvelope(definition, data, {
    streamId: options.streamId ?? 'app-1',
    streamVersion: 1,
    occurredAt: options.occurredAt ?? OCCURRED_AT,
    actor: options.actor ?? admin,
    correlationId: options.correlationId ?? 'corr-1',
    causationId: null,
  });
  registry.parse(event);
  return event;
}

export const secretHash = `sha256:${'h'.repeat(43)}`;
