/**
 * A deep copy of plain data (objects, arrays, dates, primitives) made in the caller's realm.
 * Properties holding undefined are left out, as a database (BSON, JSON) leaves them out.
 * The in-memory stores copy with it rather than with structuredClone, whose copies come from
 * the host realm under jest and then fail toStrictEqual against the test's own objects.
 */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneData(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, cloneData(item)]),
    ) as T;
  }
  return value;
}
