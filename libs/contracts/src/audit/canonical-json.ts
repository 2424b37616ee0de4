/**
 * The canonical JSON text of a value: object keys sorted by UTF-16 code units at every depth, no
 * whitespace, strings and numbers as `JSON.stringify` writes them. For the values a record can hold
 * (strings, finite numbers, booleans, null, arrays, plain objects) this is RFC 8785 (JCS), so an
 * auditor can recompute a hash with any JCS library.
 *
 * Strings are not Unicode-normalized: "é" composed and decomposed are different text and hash
 * differently, exactly as they were recorded. Non-ASCII characters stay as they are (hashed as
 * UTF-8); only quotes, backslashes and control characters are escaped.
 *
 * Values with a `toJSON` (Date, ObjectId) are written as its result, as `JSON.stringify` would.
 * Object properties that are `undefined` are left out; anything JSON cannot represent faithfully
 * (NaN, Infinity, bigint, functions, symbols, `undefined` in an array) throws instead of being
 * silently turned into `null`.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  const kind = typeof value;
  switch (kind) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value as number))
        throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value as object, path);
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`${path}: a ${kind} has no JSON form`);
    default: {
      const unexpected: never = kind;
      throw new TypeError(`${path}: unexpected ${String(unexpected)}`);
    }
  }
}

function writeObject(value: object, path: string): string {
  if (hasToJson(value)) return write(value.toJSON(), path);
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(',')}]`;
  }
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map(
      (key) =>
        `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], `${path}.${key}`)}`,
    );
  return `{${members.join(',')}}`;
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
