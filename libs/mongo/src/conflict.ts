/**
 * A write refused by a unique index. Optimistic concurrency rests on this: two appends of the same
 * (streamId, streamVersion) cannot both win, and the loser learns it from a typed error instead of
 * a driver error code.
 */
export class DuplicateKeyConflict extends Error {
  constructor(
    readonly collection: string | undefined,
    readonly index: string | undefined,
    readonly key: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(
      `duplicate key${index ? ` on index ${index}` : ''}${collection ? ` in ${collection}` : ''}`,
      options,
    );
    this.name = 'DuplicateKeyConflict';
  }
}

interface DriverError {
  code?: unknown;
  keyValue?: unknown;
  errmsg?: unknown;
  message?: unknown;
  writeErrors?: {
    code?: unknown;
    errmsg?: unknown;
    err?: { code?: unknown; errmsg?: unknown };
  }[];
}

const DUPLICATE_KEY = 11000;

/** Index and collection as MongoDB (and FerretDB) spell them in the message. */
function parseMessage(message: string): {
  collection?: string;
  index?: string;
} {
  const collection = /collection: ([^\s]+)/.exec(message)?.[1];
  const index = /index: ([^\s]+)/.exec(message)?.[1];
  return { collection, index };
}

function duplicateMessage(error: DriverError): string | undefined {
  if (error.code === DUPLICATE_KEY) return String(error.errmsg ?? error.message ?? '');
  const first = error.writeErrors?.find((w) => (w.code ?? w.err?.code) === DUPLICATE_KEY);
  return first ? String(first.errmsg ?? first.err?.errmsg ?? '') : undefined;
}

/** Returns a DuplicateKeyConflict when `error` is a duplicate key error, else undefined. */
export function asDuplicateKeyConflict(error: unknown): DuplicateKeyConflict | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driverError = error as DriverError;
  const message = duplicateMessage(driverError);
  if (message === undefined) return undefined;
  const { collection, index } = parseMessage(message);
  const key =
    typeof driverError.keyValue === 'object' && driverError.keyValue !== null
      ? (driverError.keyValue as Record<string, unknown>)
      : {};
  return new DuplicateKeyConflict(collection, index, key, { cause: error });
}

/** Runs a write and turns a duplicate key error into a DuplicateKeyConflict; other errors pass. */
export async function translateConflicts<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asDuplicateKeyConflict(error) ?? error;
  }
}
