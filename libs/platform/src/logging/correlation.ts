import { AsyncLocalStorage } from 'node:async_hooks';
import { newEventId } from '@extapps/contracts';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const MAX_LENGTH = 200;
const ALLOWED = /^[A-Za-z0-9._:-]+$/;

interface CorrelationContext {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

/** Accepts a caller's id only if it is safe to echo into headers and logs. */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_LENGTH && ALLOWED.test(value);
}

/** The caller's id when valid, else a fresh UUID v7 (time-ordered, so logs sort by it). */
export function resolveCorrelationId(headerValue: unknown): string {
  return isValidCorrelationId(headerValue) ? headerValue : newEventId();
}

export function runWithCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

/** The id of the request (or message) being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
