import { z } from 'zod';

/**
 * Opaque page cursors: base64url JSON the client hands back unchanged. Decoding validates the
 * payload, so a forged or truncated cursor is a 400 on `cursor`, never a query on odd values.
 */
export function encodeCursor(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** A query-string field holding a cursor whose payload matches `schema`. */
export function cursorField<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .max(1000)
    .transform((raw, ctx): z.output<S> => {
      const payload = schema.safeParse(decodeJson(raw));
      if (payload.success) return payload.data;
      ctx.addIssue({ code: 'custom', message: 'not a cursor this endpoint issued' });
      return z.NEVER;
    });
}

function decodeJson(raw: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(raw)) return undefined;
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
