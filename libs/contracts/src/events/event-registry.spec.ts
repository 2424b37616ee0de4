import { z } from 'zod';
import { createEnvelope, newEventId } from './create-envelope';
import { defineEvent } from './event-definition';
import { EventRegistry, InvalidEventError } from './event-registry';
import { UUID_V7 } from './envelope';

const SomethingHappened = defineEvent(
  'SomethingHappened',
  1,
  z.object({ name: z.string().min(1) }).strict(),
);

const context = {
  streamId: 'app-1',
  streamVersion: 1,
  occurredAt: new Date('2026-01-02T03:04:05.000Z'),
  actor: { type: 'user' as const, id: 'admin-1' },
  correlationId: 'corr-1',
  causationId: null,
};

function validEvent() {
  return createEnvelope(SomethingHappened, { name: 'x' }, context);
}

function issuesOf(raw: unknown): readonly string[] {
  try {
    new EventRegistry([SomethingHappened]).parse(raw);
  } catch (error) {
    if (error instanceof InvalidEventError) return error.issues;
    throw error;
  }
  throw new Error('expected the event to be refused');
}

describe('EventRegistry', () => {
  it('given a valid envelope of a known type, then parse returns it unchanged', () => {
    const event = validEvent();

    expect(new EventRegistry([SomethingHappened]).parse(JSON.parse(JSON.stringify(event)))).toEqual(
      event,
    );
  });

  it('given createEnvelope, then the event carries a UUID v7 id, the type literal and an ISO time', () => {
    const event = validEvent();

    expect(event.eventId).toMatch(UUID_V7);
    expect(event.type).toBe('SomethingHappened');
    expect(event.occurredAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('given event ids made in sequence, then they sort by creation time', () => {
    const ids = Array.from({ length: 50 }, () => newEventId());

    expect([...ids].sort()).toEqual(ids);
  });

  it('given an envelope without eventId, then it names the missing field', () => {
    const { eventId: _omitted, ...rest } = validEvent();

    expect(issuesOf(rest)).toEqual([expect.stringMatching(/^eventId: /)]);
  });

  it('given a UUID v4 event id, then it is refused', () => {
    expect(
      issuesOf({
        ...validEvent(),
        eventId: '0b5e3b6e-8d8e-4a5f-9c1e-2f3a4b5c6d7e',
      }),
    ).toEqual(['eventId: must be a UUID v7']);
  });

  it('given an unexpected envelope field, then it is refused', () => {
    expect(issuesOf({ ...validEvent(), extra: true })).toHaveLength(1);
  });

  it('given an unknown type, then it is refused as unknown', () => {
    expect(issuesOf({ ...validEvent(), type: 'SomethingElseHappened' })).toEqual([
      'SomethingElseHappened at schema version 1',
    ]);
  });

  it('given a known type at an unknown schema version, then it is refused', () => {
    expect(issuesOf({ ...validEvent(), schemaVersion: 2 })).toEqual([
      'SomethingHappened at schema version 2',
    ]);
  });

  it('given data that breaks the type schema, then the data path is named', () => {
    expect(issuesOf({ ...validEvent(), data: { name: '' } })).toEqual([
      expect.stringMatching(/^name: /),
    ]);
  });

  it('given a type defined twice, then registration fails', () => {
    expect(() => new EventRegistry([SomethingHappened, SomethingHappened])).toThrow(
      /defined twice/,
    );
  });
});
