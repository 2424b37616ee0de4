import { createHash, randomBytes } from 'node:crypto';

const OPAQUE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A code or refresh token: 256 random bits, base64url (43 characters). */
export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

/** Anything else was never issued here: refused without a database read. */
export const isWellFormedOpaqueToken = (token: string): boolean => OPAQUE_TOKEN.test(token);

/**
 * What is stored in place of the token. A fast unsalted hash is right for 256 random bits: there
 * is no dictionary to try, and the lookup by hash stays a read by `_id`.
 */
export const opaqueTokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('base64url');
