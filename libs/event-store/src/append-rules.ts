import { EventEnvelope } from '@extapps/contracts';

/**
 * A caller that hands over an event whose version does not follow its expected version has a bug;
 * that is not a concurrency conflict, so it is a plain Error and never a 409.
 */
export function assertFollows(event: EventEnvelope, expectedVersion: number): void {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
    throw new Error(`expected version must be an integer >= 0, got ${expectedVersion}`);
  }
  if (event.streamVersion !== expectedVersion + 1) {
    throw new Error(
      `event ${event.eventId} has stream version ${event.streamVersion}; an append expecting ` +
        `version ${expectedVersion} must carry ${expectedVersion + 1}`,
    );
  }
}

/** The queues a store enqueues every event on; names must be usable as document field names. */
export function checkQueueNames(queues: readonly string[]): readonly string[] {
  const bad = queues.find((q) => !/^[A-Za-z][A-Za-z0-9_-]*$/.test(q));
  if (bad !== undefined) throw new Error(`queue name "${bad}" must match [A-Za-z][A-Za-z0-9_-]*`);
  if (new Set(queues).size !== queues.length) throw new Error('queue names must be unique');
  return [...queues];
}

export function unknownQueue(name: string, queues: readonly string[]): Error {
  return new Error(`unknown work queue "${name}"; this store has: ${queues.join(', ') || 'none'}`);
}
