import { z } from 'zod';

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Past tense in PascalCase, e.g. `ExternalAppRegistered`. */
export const EVENT_TYPE = /^[A-Z][A-Za-z0-9]+$/;

export const actorSchema = z
  .object({
    type: z.enum(['user', 'app', 'system']),
    id: z.string().min(1).max(200),
    displayName: z.string().max(200).optional(),
    ip: z.string().max(64).optional(),
    userAgent: z.string().max(512).optional(),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

export const envelopeSchema = z
  .object({
    eventId: z.string().regex(UUID_V7, 'must be a UUID v7'),
    type: z.string().regex(EVENT_TYPE, 'must be a PascalCase event name'),
    schemaVersion: z.number().int().min(1),
    streamId: z.string().min(1).max(200),
    streamVersion: z.number().int().min(1),
    occurredAt: z.iso.datetime({ offset: false }),
    actor: actorSchema,
    correlationId: z.string().min(1).max(200),
    causationId: z.string().min(1).max(200).nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();

/** The envelope every event of every service carries (PRODUCT.md, "Events and contracts"). */
export interface EventEnvelope<TType extends string = string, TData = Record<string, unknown>> {
  readonly eventId: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  /** ISO 8601 UTC instant. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  /** The id of the command or event that caused this one; null for an originating request. */
  readonly causationId: string | null;
  readonly data: TData;
}
