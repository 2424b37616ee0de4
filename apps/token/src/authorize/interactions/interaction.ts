import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignedInUser } from '../../users/user-sign-in';

/**
 * One browser's way through the authorization endpoint: the request, then the signed-in user.
 * Kept server-side, so every instance behind a load balancer can serve the next step.
 */
export interface Interaction {
  /** The authorization request's query string, checked again at every step. */
  readonly query: string;
  /** Must come back in each form post (CSRF): a page of another site cannot know it. */
  readonly csrfToken: string;
  /** Null until the user has signed in. */
  readonly user: SignedInUser | null;
  readonly expiresAt: Date;
}

export interface InteractionStore {
  /** Stores a new interaction; returns its id for the browser's cookie (only a hash is kept). */
  start(interaction: Interaction, now: Date): Promise<string>;
  /** The interaction with this id, or null when there is none or it expired by `now`. */
  find(id: string, now: Date): Promise<Interaction | null>;
  /** Removes it; true for the one call that removed it. */
  end(id: string): Promise<boolean>;
}

export const INTERACTION_STORE = Symbol('INTERACTION_STORE');

/** 256 random bits, base64url: interaction ids and CSRF tokens. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

export const RANDOM_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What the store keys by: a leaked store does not hand out live interactions. */
export const storedIdOf = (id: string): string =>
  createHash('sha256').update(id).digest('base64url');

/** Constant-time comparison of the CSRF token posted with the one stored. */
export function csrfTokenMatches(expected: string, posted: string | null): boolean {
  if (posted === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(posted);
  return a.length === b.length && timingSafeEqual(a, b);
}
