import { Inject, Injectable } from '@nestjs/common';
import { RegistrationEvent, SecretData } from '@extapps/contracts';
import { EventStore } from '@extapps/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { asEvents } from '../projections/catch-up';
import { encodeCursor } from './cursor';
import { HistoryEntry, HistoryQuery, HistoryResponse } from './schemas';

/** An app's events, oldest first, straight from the log: the history is the log. */
@Injectable()
export class AppHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Null for an app that never existed. */
  async page(id: string, query: HistoryQuery): Promise<HistoryResponse | null> {
    const after = query.cursor?.version ?? 0;
    const stored = asEvents<RegistrationEvent>(
      await this.store.readStream(id, {
        fromVersion: after + 1,
        toVersion: after + query.limit + 1,
      }),
    );
    if (stored.length === 0 && (await this.store.streamVersion(id)) === 0) return null;
    const items = stored.slice(0, query.limit).map(({ event }) => historyEntry(event));
    const last = items[items.length - 1];
    const nextCursor =
      stored.length > query.limit && last ? encodeCursor({ version: last.version }) : null;
    return { items, nextCursor };
  }
}

export function historyEntry(event: RegistrationEvent): HistoryEntry {
  return {
    eventId: event.eventId,
    version: event.streamVersion,
    type: event.type,
    occurredAt: event.occurredAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: historyData(event),
  };
}

/** The event's data as shown to admins: secrets without their hash (nobody needs to see it). */
function historyData(event: RegistrationEvent): Record<string, unknown> {
  switch (event.type) {
    case 'ExternalAppRegistered': {
      const { firstSecret, ...app } = event.data;
      return { ...app, firstSecret: firstSecret && secretMetadata(firstSecret) };
    }
    case 'SecretAdded':
      return secretMetadata(event.data);
    case 'ExternalAppRenamed':
    case 'RedirectUrisChanged':
    case 'ScopesChanged':
    case 'ClientKeysChanged':
    case 'AccessTokenLifetimeChanged':
    case 'SecretRevoked':
    case 'SecretExpiringSoon':
    case 'ExternalAppDisabled':
    case 'ExternalAppEnabled':
    case 'ExternalAppDeleted':
      return event.data;
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

function secretMetadata({ hash: _hash, hashAlgorithm: _algorithm, ...metadata }: SecretData) {
  return metadata;
}
