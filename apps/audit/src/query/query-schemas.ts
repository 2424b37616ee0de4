import { UUID_V7 } from '@extapps/contracts';
import { z } from 'zod';
import { AuditCategory } from '../records/audit-record';
import { cursorField } from './cursor';

export const AUDIT_CATEGORIES = [
  'app-management',
  'authentication',
  'token',
  'user-management',
  'permissions',
] as const satisfies readonly AuditCategory[];
// Fails to compile when AuditCategory gains a member this list lacks.
type Unlisted = Exclude<AuditCategory, (typeof AUDIT_CATEGORIES)[number]>;
const _everyCategoryListed: [Unlisted] extends [never] ? true : never = true;

/** Any ISO 8601 offset in, the stored fixed-width UTC form out (stored instants compare as strings). */
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const id = z.string().min(1).max(200);

/** The filters search and export share; every one is optional and they combine with AND. */
export const filterShape = {
  /** occurredAt at or after this instant. */
  from: instant.optional(),
  /** occurredAt before this instant. */
  to: instant.optional(),
  /** The actor's id (an app id, a user id, or a system component). */
  actor: id.optional(),
  /** Records whose target is this app: its changes, its tokens, its failures, its roles. */
  targetApp: id.optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'must look like app.registered')
    .max(100)
    .optional(),
  category: z.enum(AUDIT_CATEGORIES).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
};

type Range = { from?: string; to?: string };
const rangeInOrder = (query: Range, ctx: z.core.$RefinementCtx<Range>) => {
  if (query.from && query.to && query.from >= query.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  }
};

export const recordFiltersSchema = z.object(filterShape).strict().superRefine(rangeInOrder);
export type RecordFilters = z.output<typeof recordFiltersSchema>;

export const ORDERS = ['newest', 'oldest'] as const;
export type RecordOrder = (typeof ORDERS)[number];

/** Where the previous page ended in chain order, and which way it went. */
export const recordCursorSchema = z
  .object({ seq: z.number().int().min(0), order: z.enum(ORDERS) })
  .strict();
export type RecordCursor = z.output<typeof recordCursorSchema>;

export const MAX_PAGE = 500;

export const listRecordsQuerySchema = z
  .object({
    ...filterShape,
    /** In chain (recording) order: newest first unless `oldest`. */
    order: z.enum(ORDERS).default('newest'),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
    cursor: cursorField(recordCursorSchema).optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    rangeInOrder(query, ctx);
    if (query.cursor && query.cursor.order !== query.order) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: `was issued for order=${query.cursor.order}`,
      });
    }
  });
export type ListRecordsQuery = z.output<typeof listRecordsQuerySchema>;

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuerySchema = z
  .object({
    ...filterShape,
    format: z.enum(EXPORT_FORMATS),
    /** Export order, chain order: oldest first unless `newest`. */
    order: z.enum(ORDERS).default('oldest'),
  })
  .strict()
  .superRefine(rangeInOrder);
export type ExportQuery = z.output<typeof exportQuerySchema>;

export const eventIdSchema = z.string().regex(UUID_V7, 'must be a UUID v7');
