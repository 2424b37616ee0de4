import { AppType, ScopeGrant } from '@extapps/contracts';

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
}
