import {
  EventRegistry,
  permissionsEvents,
  registrationEvents,
  tokenEvents,
} from '@extapps/contracts';
import { eventMix, MIX_TOPICS } from './event-mix';

describe('eventMix', () => {
  it('given a count, then it makes that many events over the three topics, each valid for its topic', () => {
    const mix = eventMix(2_000, 50);

    const registries = {
      [MIX_TOPICS[0]]: new EventRegistry(registrationEvents),
      [MIX_TOPICS[1]]: new EventRegistry(tokenEvents),
      [MIX_TOPICS[2]]: new EventRegistry(permissionsEvents),
    };
    const counts = MIX_TOPICS.map((topic) => mix[topic]?.length ?? 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2_000);
    for (const topic of MIX_TOPICS) {
      for (const event of mix[topic] ?? [])
        expect(() => registries[topic].parse(event)).not.toThrow();
    }
    // About half token traffic, a quarter each of the others (apps registered first).
    expect(counts[1]).toBeGreaterThan(800);
    expect(counts[2]).toBeGreaterThan(350);
  });

  it('registers every app before anything else happens to it, with unique event ids', () => {
    const mix = eventMix(500, 20);

    const registration = mix[MIX_TOPICS[0]] ?? [];
    expect(registration.slice(0, 20).every((e) => e.type === 'ExternalAppRegistered')).toBe(true);
    const ids = MIX_TOPICS.flatMap((t) => (mix[t] ?? []).map((e) => e.eventId));
    expect(new Set(ids).size).toBe(500);
  });
});
