import { EventRegistry, registrationEvents } from '@extapps/contracts';
import type { EventDocument } from '@extapps/event-store';
import { envelopeOf, EVENTS_PER_APP, seedWindows } from './seed-events';

const registry = new EventRegistry([...registrationEvents]);
const startAt = new Date('2026-01-01T00:00:00.000Z');

function seed(events: number, window: number): EventDocument[] {
  return [...seedWindows({ events, startAt, window })].flat();
}

function byStream(documents: readonly EventDocument[]): Map<string, EventDocument[]> {
  const streams = new Map<string, EventDocument[]>();
  for (const d of documents) streams.set(d.streamId, [...(streams.get(d.streamId) ?? []), d]);
  return streams;
}

describe('seedWindows', () => {
  it('writes contract-valid envelopes in the stored shape, already published', () => {
    const documents = seed(60, 3);

    for (const document of documents) {
      // JSON round trip: what a reader gets back from the database, not the objects we built.
      const parsed = registry.parse(JSON.parse(JSON.stringify(envelopeOf(document))));
      expect(parsed.eventId).toBe(document._id);
      expect(document.pending).toEqual({});
    }
    // Every event an administrator causes, except the final deletion.
    expect([...new Set(documents.map((d) => d.type))].sort()).toEqual([
      'ExternalAppDisabled',
      'ExternalAppEnabled',
      'ExternalAppRegistered',
      'ExternalAppRenamed',
      'RedirectUrisChanged',
      'ScopesChanged',
      'SecretAdded',
      'SecretRevoked',
    ]);
  });

  it('numbers positions 1..N once each and gives every stream contiguous versions', () => {
    const documents = seed(95, 4);

    expect(documents.map((d) => d.position)).toEqual(documents.map((_, i) => i + 1));
    expect(new Set(documents.map((d) => d._id)).size).toBe(95);
    const streams = byStream(documents);
    expect(streams.size).toBe(10);
    for (const [streamId, events] of streams) {
      expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
      expect(events[0]).toMatchObject({ type: 'ExternalAppRegistered', data: { appId: streamId } });
    }
    expect([...streams.values()].map((e) => e.length).sort((a, b) => a - b)[0]).toBe(5);
  });

  it('interleaves the streams of a window, in version order within each stream', () => {
    const documents = seed(EVENTS_PER_APP * 6, 3);

    const firstThree = documents.slice(0, 3);
    expect(new Set(firstThree.map((d) => d.streamId)).size).toBe(3);
    expect(firstThree.every((d) => d.streamVersion === 1)).toBe(true);
    expect(documents[3]).toMatchObject({ streamId: documents[0]?.streamId, streamVersion: 2 });
    const occurred = documents.map((d) => Date.parse(d.occurredAt));
    expect(occurred).toEqual([...occurred].sort((a, b) => a - b));
  });

  it('revokes the first secret and renames from the name the app had', () => {
    const [stream] = byStream(seed(EVENTS_PER_APP, 1)).values();
    const data = (type: string) => stream?.filter((e) => e.type === type).map((e) => e.data);

    const registered = data('ExternalAppRegistered')?.[0] as { firstSecret: { secretId: string } };
    expect(data('SecretRevoked')).toEqual([{ secretId: registered.firstSecret.secretId }]);
    const renames = data('ExternalAppRenamed') as { before: string; after: string }[];
    expect(renames[1]?.before).toBe(renames[0]?.after);
  });
});
