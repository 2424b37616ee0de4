import {
  Actor,
  createEnvelope,
  EventDefinition,
  RegistrationEvent,
  RegistrationEventPayload,
  registrationEvents,
} from '@extapps/contracts';
import { EventStore, StoredEvent } from '@extapps/event-store';
import { ExternalAppCommand } from '../../commands';
import { decide, rebuild } from '../../external-app.decider';
import { catalog } from '../../testing/fixtures';

export const admin: Actor = { type: 'user', id: 'admin-1', displayName: 'Ada Admin' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any registration event's data fits
const definitions = new Map<string, EventDefinition<string, any>>(
  registrationEvents.map((d) => [d.type, d]),
);

/** Wraps a payload as the store would hold it at `version` / `position`. */
export function storedEvent(
  appId: string,
  payload: RegistrationEventPayload,
  at: { version: number; position: number; occurredAt: Date; actor?: Actor },
): StoredEvent<RegistrationEvent> {
  const definition = definitions.get(payload.type);
  if (!definition) throw new Error(`${payload.type} is not a registration event`);
  const event = createEnvelope(definition, payload.data, {
    streamId: appId,
    streamVersion: at.version,
    occurredAt: at.occurredAt,
    actor: at.actor ?? admin,
    correlationId: `corr-${appId}-${at.version}`,
    causationId: null,
  });
  return { position: at.position, event: event as RegistrationEvent };
}

export interface Step {
  readonly command: ExternalAppCommand;
  readonly at: Date;
  readonly actor?: Actor;
}

/**
 * Runs commands through the real decider and appends what it emits, as the command side would:
 * the store then holds a valid history without depending on the command handlers.
 */
export async function appendHistory(
  store: EventStore,
  appId: string,
  steps: readonly Step[],
): Promise<StoredEvent<RegistrationEvent>[]> {
  const stored = await store.readStream(appId);
  const payloads: RegistrationEventPayload[] = stored.map(
    ({ event }) => event as RegistrationEvent,
  );
  const appended: StoredEvent<RegistrationEvent>[] = [];
  for (const { command, at, actor } of steps) {
    const decision = decide(command, rebuild(payloads), { now: at, catalog });
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code}`);
    for (const payload of decision.events) {
      const event = storedEvent(appId, payload, {
        version: payloads.length + 1,
        position: 0,
        occurredAt: at,
        actor,
      }).event;
      const result = await store.append(event, payloads.length);
      appended.push(result as StoredEvent<RegistrationEvent>);
      payloads.push(payload);
    }
  }
  return appended;
}
