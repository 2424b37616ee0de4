import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import type { Parsed } from '@extapps/platform';
import { z } from 'zod';

export const ENCRYPTION_KEY_BYTES = 32;
const HOW_TO_MAKE_ONE = 'e.g. the output of `openssl rand -base64 32`';

/**
 * The AES-256 key that encrypts the signing keys at rest (SIGNING_KEY_ENCRYPTION_KEY). Its `id`
 * is a fingerprint stored next to every ciphertext, so a wrong key is named as such at start-up
 * instead of failing as undecryptable garbage. The key never serialises: JSON and inspect show
 * only the id, so a logged config cannot leak it.
 */
export class EncryptionKey {
  readonly id: string;

  private constructor(private readonly bytes: Buffer) {
    // Domain-separated, so the fingerprint is no hash that something else might also publish.
    const digest = createHash('sha256').update('extapps signing-key encryption v1\0').update(bytes);
    this.id = digest.digest('base64url').slice(0, 16);
  }

  static fromBytes(bytes: Buffer): EncryptionKey {
    if (bytes.length !== ENCRYPTION_KEY_BYTES) throw new Error('an encryption key has 32 bytes');
    return new EncryptionKey(Buffer.from(bytes));
  }

  static random(): EncryptionKey {
    return new EncryptionKey(randomBytes(ENCRYPTION_KEY_BYTES));
  }

  /** The raw key, for the cipher only. */
  get material(): Buffer {
    return this.bytes;
  }

  toJSON(): string {
    return `[encryption key ${this.id}]`;
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}

const BASE64_ANY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Base64 or base64url (padded or not) of exactly 32 bytes. Reasons never repeat the value. */
export function parseEncryptionKey(raw: string): Parsed<EncryptionKey> {
  const canonical = raw.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const bytes = Buffer.from(canonical, 'base64url');
  if (!BASE64_ANY.test(raw) || bytes.toString('base64url') !== canonical)
    return {
      ok: false,
      reason: `is not base64 or base64url; expected 32 random bytes, ${HOW_TO_MAKE_ONE}`,
    };
  if (bytes.length !== ENCRYPTION_KEY_BYTES)
    return {
      ok: false,
      reason: `decodes to ${bytes.length} bytes; expected exactly 32 random bytes, ${HOW_TO_MAKE_ONE}`,
    };
  return { ok: true, value: EncryptionKey.fromBytes(bytes) };
}

/** A required setting: there is no safe default for a key that protects the signing keys. */
export function encryptionKeySetting(): z.ZodType<EncryptionKey> {
  return z
    .string()
    .optional()
    .transform((input, ctx): EncryptionKey => {
      const raw = input?.trim() ?? '';
      const parsed: Parsed<EncryptionKey> =
        raw === ''
          ? {
              ok: false,
              reason: `required: the key that encrypts the signing keys, ${HOW_TO_MAKE_ONE}`,
            }
          : parseEncryptionKey(raw);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    });
}
