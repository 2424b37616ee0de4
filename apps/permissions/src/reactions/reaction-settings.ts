import { Parsed } from '@extapps/platform';

/** A Kafka consumer group id, as Kafka accepts it (letters, digits, ".", "_", "-"). */
export function parseGroupId(raw: string): Parsed<string> {
  return /^[A-Za-z0-9._-]{1,200}$/.test(raw)
    ? { ok: true, value: raw }
    : {
        ok: false,
        reason: `expected 1-200 letters, digits, ".", "_" or "-", got ${JSON.stringify(raw)}`,
      };
}
