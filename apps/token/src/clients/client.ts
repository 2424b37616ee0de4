import { AppType, ScopeGrant } from '@extapps/contracts';
import type { JWK } from 'jose';

export type ClientStatus = 'active' | 'disabled' | 'deleted';

/** A client secret as the token path needs it: only the hash, never the plaintext. */
export interface ClientSecret {
  readonly secretId: string;
  readonly hash: string;
  /** Epoch milliseconds, or null for a secret that never expires. */
  readonly expiresAt: number | null;
  readonly revoked: boolean;
}

/**
 * An external app as the token service sees it, projected from the registration events. `version`
 * is the stream version of the last event applied, which makes replays harmless.
 */
export interface Client {
  readonly clientId: string;
  readonly version: number;
  readonly name: string;
  readonly type: AppType;
  readonly status: ClientStatus;
  readonly redirectUris: readonly string[];
  readonly userScopes: readonly ScopeGrant[];
  readonly applicationScopes: readonly ScopeGrant[];
  readonly secrets: readonly ClientSecret[];
  /** Public keys for `private_key_jwt` (RFC 7523); null when the app registered none. */
  readonly jwks: { readonly keys: readonly JWK[] } | null;
  /** The app's own access token lifetime; null: the service default (ACCESS_TOKEN_TTL_SECONDS). */
  readonly accessTokenLifetimeSeconds: number | null;
}
