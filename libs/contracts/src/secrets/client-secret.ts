import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Client secrets: 256 random bits with a recognizable prefix and a checksum, so secret scanners
 * can find a leaked one and tell it from random text without asking us. Only the hash is stored:
 * a fast hash (SHA-256) is right for generated high-entropy secrets, where a slow password hash
 * would buy nothing and cost the token path dearly.
 *
 * Format: `extapps_cs_` + 43 base62 characters (the 32 random bytes) + 6 base62 characters (CRC32
 * of prefix and body). 60 characters, all URL- and form-safe.
 */
export const CLIENT_SECRET_PREFIX = 'extapps_cs_';
export const CLIENT_SECRET_PATTERN = /^extapps_cs_[0-9A-Za-z]{49}$/;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const RANDOM_BYTES = 32;

function base62(value: bigint, length: number): string {
  let out = '';
  for (let rest = value; rest > 0n; rest /= 62n) out = BASE62[Number(rest % 62n)] + out;
  return out.padStart(length, '0');
}

function checksum(prefixAndBody: string): string {
  return base62(BigInt(crc32(prefixAndBody)), CHECKSUM_LENGTH);
}

export interface GeneratedClientSecret {
  /** Shown once, in the response that created it; never stored, logged or published. */
  readonly secret: string;
  /** What is stored and published: `sha256:<base64url digest>`. */
  readonly hash: string;
}

export function generateClientSecret(
  random: (size: number) => Buffer = randomBytes,
): GeneratedClientSecret {
  const bytes = random(RANDOM_BYTES);
  if (bytes.length !== RANDOM_BYTES) throw new Error(`expected ${RANDOM_BYTES} random bytes`);
  const body = CLIENT_SECRET_PREFIX + base62(BigInt(`0x${bytes.toString('hex')}`), BODY_LENGTH);
  const secret = body + checksum(body);
  return { secret, hash: hashClientSecret(secret) };
}

/** True when `candidate` has the format and a valid checksum: a cheap first filter, not proof. */
export function isWellFormedClientSecret(candidate: string): boolean {
  if (!CLIENT_SECRET_PATTERN.test(candidate)) return false;
  const body = candidate.slice(0, -CHECKSUM_LENGTH);
  return checksum(body) === candidate.slice(-CHECKSUM_LENGTH);
}

export function hashClientSecret(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('base64url')}`;
}

/** Compares a presented secret with a stored hash in time independent of where they differ. */
export function clientSecretMatches(presented: string, storedHash: string): boolean {
  const presentedHash = Buffer.from(hashClientSecret(presented));
  const stored = Buffer.from(storedHash);
  return presentedHash.length === stored.length && timingSafeEqual(presentedHash, stored);
}
