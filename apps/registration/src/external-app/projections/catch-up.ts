import { EventEnvelope } from '@extapps/contracts';
import { StoredEvent } from '@extapps/event-store';

/**
 * What a projector must do to bring a view at `version` up to date with the events it received:
 * nothing (all already folded in), apply them as they are, or fetch a range from the store first
 * because some version in between never reached it (a crash, a queue delivered out of order).
 */
export type CatchUp<E extends StoredEvent> =
  | { readonly kind: 'up-to-date' }
  | { readonly kind: 'apply'; readonly events: readonly E[] }
  | { readonly kind: 'gap'; readonly fromVersion: number; readonly toVersion: number };

const versionOf = (stored: StoredEvent) => stored.event.streamVersion;

/** `events` are one stream's, in any order, repeats allowed (at-least-once delivery). */
export function planCatchUp<E extends StoredEvent>(
  version: number,
  events: readonly E[],
): CatchUp<E> {
  const byVersion = new Map<number, E>();
  for (const stored of events) {
    if (versionOf(stored) > version) byVersion.set(versionOf(stored), stored);
  }
  if (byVersion.size === 0) return { kind: 'up-to-date' };
  const newer = [...byVersion.values()].sort((a, b) => versionOf(a) - versionOf(b));
  const last = versionOf(newer[newer.length - 1] as E);
  const contiguous = last - version === newer.length;
  return contiguous
    ? { kind: 'apply', events: newer }
    : { kind: 'gap', fromVersion: version + 1, toVersion: last };
}

/** Groups events by stream, keeping each stream's events in the order given. */
export function byStream<E extends StoredEvent>(events: readonly E[]): Map<string, E[]> {
  const streams = new Map<string, E[]>();
  for (const stored of events) {
    const list = streams.get(stored.event.streamId);
    if (list) list.push(stored);
    else streams.set(stored.event.streamId, [stored]);
  }
  return streams;
}

/** Narrows what the store returns: everything on the registration store is a registration event. */
export const asEvents = <E extends EventEnvelope>(stored: readonly StoredEvent[]) =>
  stored as readonly StoredEvent<E>[];
