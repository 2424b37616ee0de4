import { IncomingMessage, MessageHandler } from '../ports';
import { Sleep } from '../retry/backoff';

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A sleep that returns at once and remembers every requested delay. */
export function recordingSleep(): { sleep: Sleep; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

export interface Collector {
  readonly received: IncomingMessage[];
  readonly handler: MessageHandler;
  values(): string[];
}

/** Records each message, then runs `then` (if any), whose failure fails the delivery. */
export function collector(then?: MessageHandler): Collector {
  const received: IncomingMessage[] = [];
  return {
    received,
    handler: async (message) => {
      received.push(message);
      await then?.(message);
    },
    values: () => received.map((m) => m.value.toString('utf8')),
  };
}
