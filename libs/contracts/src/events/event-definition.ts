import { z } from 'zod';
import { EventEnvelope } from './envelope';

/**
 * One event type at one schema version: its `type` literal and the runtime schema of its data.
 * The stored `type` is always this literal, never a class name, so renaming code never breaks the log.
 */
export interface EventDefinition<TType extends string, TData extends Record<string, unknown>> {
  readonly type: TType;
  readonly schemaVersion: number;
  readonly data: z.ZodType<TData>;
}

export function defineEvent<TType extends string, TData extends Record<string, unknown>>(
  type: TType,
  schemaVersion: number,
  data: z.ZodType<TData>,
): EventDefinition<TType, TData> {
  return { type, schemaVersion, data };
}

export type EventOf<D> = D extends EventDefinition<infer T, infer P> ? EventEnvelope<T, P> : never;
