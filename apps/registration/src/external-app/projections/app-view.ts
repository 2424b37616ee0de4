import { Actor, AppType, Jwks, ScopeGrant } from '@extapps/contracts';

/**
 * One secret as the read model shows it. The hash stays in the event log: a read model never
 * needs it, and every copy of it is one more place a leak could start.
 */
export interface SecretView {
  readonly id: string;
  readonly description: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  /** When SecretExpiringSoon was recorded; the expiry check warns only while this is null. */
  readonly expiryWarnedAt: Date | null;
}

/** Who made a change, without the request details (ip, user agent) that only the history keeps. */
export interface ActorView {
  readonly type: Actor['type'];
  readonly id: string;
  readonly displayName?: string;
}

export type AppStatus = 'active' | 'disabled' | 'deleted';

/** The app read model: one per app, a pure fold of its stream (see projectApp). */
export interface AppView {
  /** The OAuth client_id, also the stream id. */
  readonly id: string;
  readonly name: string;
  readonly type: AppType;
  readonly status: AppStatus;
  readonly redirectUris: readonly string[];
  readonly userScopes: readonly ScopeGrant[];
  readonly applicationScopes: readonly ScopeGrant[];
  readonly secrets: readonly SecretView[];
  /** Public keys for private_key_jwt (public by definition, so the view may hold them). */
  readonly jwks: Jwks | null;
  /** Null: the token service default. */
  readonly accessTokenLifetimeSeconds: number | null;
  /** The stream version of the last event folded in: projections are idempotent by it. */
  readonly version: number;
  readonly createdAt: Date;
  readonly createdBy: ActorView;
  readonly updatedAt: Date;
  readonly updatedBy: ActorView;
  /** The store position of the last event folded in. */
  readonly lastPosition: number;
}

export const APP_STATUSES: readonly AppStatus[] = ['active', 'disabled', 'deleted'];
