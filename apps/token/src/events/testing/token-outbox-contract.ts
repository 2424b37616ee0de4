import { EventRegistry, tokenEvents } from '@extapps/contracts';
import { tokenEnvelopes } from '../token-envelopes';
import { TokenOutbox } from '../outbox/token-outbox';
import {
  authFailedRecord,
  issuedEvents,
  nth,
  requestMeta,
  tokenIssuedRecord,
} from './token-event-samples';

/** A fresh, empty outbox for each test. */
export type MakeTokenOutbox = () => Promise<TokenOutbox>;

const registry = new EventRegistry(tokenEvents);
const ids = (events: readonly { eventId: string }[]) => events.map((e) => e.eventId);

/** The behaviour every TokenOutbox adapter shares. */
export function describeTokenOutboxContract(name: string, make: MakeTokenOutbox): void {
  describe(`token outbox contract: ${name}`, () => {
    let outbox: TokenOutbox;
    beforeEach(async () => {
      outbox = await make();
    });
    const pendingEvents = async (limit = 100) =>
      (await outbox.pending(limit)).map(({ event }) => event);

    it('given batches added out of order, then pending lists them oldest first, each as recorded', async () => {
      const events = issuedEvents('app-a', 4);
      await outbox.add(events.slice(2));
      await outbox.add(events.slice(0, 2));

      expect(await pendingEvents()).toEqual(events);
    });

    it('given envelopes with optional fields absent, then they read back valid and equal', async () => {
      const events = tokenEnvelopes(
        [tokenIssuedRecord('app-a', null), authFailedRecord('app-a')],
        requestMeta('app-a', 'curl/8'),
      );
      const withoutAgent = tokenEnvelopes([tokenIssuedRecord('app-b')], requestMeta('app-b'));
      await outbox.add([...events, ...withoutAgent]);

      const read = await pendingEvents();
      expect(read).toEqual([...events, ...withoutAgent]);
      expect(read.map((e) => registry.parse(e))).toEqual(read);
      expect(read[2]?.actor).not.toHaveProperty('userAgent');
      expect(read[0]?.data).not.toHaveProperty('grantId');
    });

    it('given a limit, then pending returns whole batches while they fit, and at least one', async () => {
      const events = issuedEvents('app-a', 5);
      await outbox.add(events.slice(0, 2));
      await outbox.add(events.slice(2, 4));
      await outbox.add(events.slice(4));

      expect(ids(await pendingEvents(3))).toEqual(ids(events.slice(0, 2)));
      expect(ids(await pendingEvents(4))).toEqual(ids(events.slice(0, 4)));
      expect(ids(await pendingEvents(1))).toEqual(ids(events.slice(0, 2)));
    });

    it('given what pending returned is acknowledged, then it is gone and later batches stay', async () => {
      const events = issuedEvents('app-a', 4);
      await outbox.add(events.slice(0, 2));
      await outbox.add(events.slice(2));
      const returned = ids(await pendingEvents(2));

      await outbox.acknowledge([...returned, 'not-in-the-outbox']);

      expect(ids(await pendingEvents())).toEqual(ids(events.slice(2)));
    });

    it('given a batch only partly acknowledged, then all of it stays pending', async () => {
      const events = issuedEvents('app-a', 3);
      await outbox.add(events);
      await pendingEvents();

      await outbox.acknowledge([nth(events, 0).eventId, nth(events, 2).eventId]);
      await outbox.acknowledge([]);

      expect(ids(await pendingEvents())).toEqual(ids(events));
    });

    it('given an empty add, then nothing is pending', async () => {
      await outbox.add([]);

      expect(await pendingEvents()).toEqual([]);
    });

    it('given the positions of pending events, then they never decrease', async () => {
      await outbox.add(issuedEvents('app-a', 3));

      const positions = (await outbox.pending(10)).map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(positions.every((p) => Number.isSafeInteger(p) && p > 0)).toBe(true);
    });
  });
}
