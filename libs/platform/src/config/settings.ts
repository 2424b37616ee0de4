import { z } from 'zod';

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/**
 * One environment setting: blank counts as unset (compose files often pass `VAR=`), unset takes
 * the default or is reported as required, anything else goes through `parse`.
 */
export function setting<T>(parse: (raw: string) => Parsed<T>, defaultValue?: T): z.ZodType<T> {
  return z
    .string()
    .optional()
    .transform((input, ctx): T => {
      const raw = input?.trim();
      if (raw === undefined || raw === '') {
        if (defaultValue !== undefined) return defaultValue;
        ctx.addIssue({ code: 'custom', message: 'required' });
        return z.NEVER;
      }
      const parsed = parse(raw);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    });
}

export function parseInteger(raw: string, min: number, max: number): Parsed<number> {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(value) && value >= min && value <= max
    ? ok(value)
    : fail(`expected an integer ${min}-${max}, got ${JSON.stringify(raw)}`);
}

export const intSetting = (min: number, max: number, defaultValue?: number) =>
  setting((raw) => parseInteger(raw, min, max), defaultValue);

export const portSetting = (defaultValue?: number) => intSetting(1, 65535, defaultValue);

export function enumSetting<const T extends readonly [string, ...string[]]>(
  values: T,
  defaultValue?: T[number],
) {
  return setting<T[number]>(
    (raw) =>
      (values as readonly string[]).includes(raw)
        ? ok(raw as T[number])
        : fail(`expected one of ${values.join('|')}, got ${JSON.stringify(raw)}`),
    defaultValue,
  );
}

const HOST =
  /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/;

export function parseHostPort(entry: string): Parsed<string> {
  const colon = entry.lastIndexOf(':');
  if (colon <= 0) return fail(`expected host:port, got ${JSON.stringify(entry)}`);
  if (!HOST.test(entry.slice(0, colon))) return fail(`invalid host in ${JSON.stringify(entry)}`);
  const port = parseInteger(entry.slice(colon + 1), 1, 65535);
  return port.ok ? ok(entry) : fail(`invalid port in ${JSON.stringify(entry)}`);
}

/** A comma-separated `host:port` list, e.g. Kafka bootstrap servers. */
export function parseHostPortList(raw: string): Parsed<string[]> {
  const entries = raw.split(',').map((e) => e.trim());
  if (entries.some((e) => e === ''))
    return fail('expected a comma-separated host:port list without empty entries');
  const reasons = entries.map(parseHostPort).flatMap((p) => (p.ok ? [] : [p.reason]));
  return reasons.length === 0 ? ok(entries) : fail(reasons.join('; '));
}

export const hostPortListSetting = () => setting(parseHostPortList);

/** The URL may carry credentials, so the reason never repeats the value. */
export function parseMongoUrl(raw: string): Parsed<string> {
  return /^mongodb(\+srv)?:\/\/[^\s/?#]+(\/[^\s]*)?$/.test(raw)
    ? ok(raw)
    : fail('expected a mongodb:// or mongodb+srv:// URL with at least one host');
}

export function parseMongoDbName(raw: string): Parsed<string> {
  return /^[^/\\. "$*<>:|?]{1,63}$/.test(raw)
    ? ok(raw)
    : fail(
        `expected a MongoDB database name (1-63 chars, none of /\\. "$*<>:|?), got ${JSON.stringify(raw)}`,
      );
}

export function parseHost(raw: string): Parsed<string> {
  return HOST.test(raw) || raw === '::'
    ? ok(raw)
    : fail(`expected a host name or IP address, got ${JSON.stringify(raw)}`);
}
