import { AppType } from '@extapps/contracts';

/** A secret the handler generated: only its id, hash and metadata reach the decider. */
export interface NewSecret {
  readonly secretId: string;
  /** `sha256:<base64url digest>` of the plaintext, which never leaves the handler. */
  readonly hash: string;
  readonly hashAlgorithm: 'sha256';
  readonly description: string;
  readonly expiresAt: Date | null;
}

export interface RegisterExternalApp {
  readonly type: 'RegisterExternalApp';
  readonly appId: string;
  readonly name: string;
  readonly appType: AppType;
  readonly redirectUris: readonly string[];
  /** Scope names, resolved against the catalog as user scopes. */
  readonly userScopes: readonly string[];
  /** Scope names, resolved against the catalog as application scopes. */
  readonly applicationScopes: readonly string[];
  /** Required for a confidential app, refused for a non-confidential one. */
  readonly firstSecret?: NewSecret;
  /** Public keys for private_key_jwt (confidential apps only); absent or null: none. */
  readonly jwks?: JwksInput | null;
  /** Absent or null: the token service default. */
  readonly accessTokenLifetimeSeconds?: number | null;
}

/** A JWKS as the request carried it: the decider checks it against the contract. */
export interface JwksInput {
  readonly keys: readonly unknown[];
}

// The commands below address an existing app: the handler loads its stream by id, so the id is
// not repeated here.
export interface RenameExternalApp {
  readonly type: 'RenameExternalApp';
  readonly name: string;
}

export interface ChangeRedirectUris {
  readonly type: 'ChangeRedirectUris';
  readonly redirectUris: readonly string[];
}

/** A kind left out keeps its current scopes, so a partial update (PATCH) maps directly. */
export interface ChangeScopes {
  readonly type: 'ChangeScopes';
  readonly userScopes?: readonly string[];
  readonly applicationScopes?: readonly string[];
}

/** Sets, replaces (the whole set) or removes (null) the app's private_key_jwt keys. */
export interface ChangeClientKeys {
  readonly type: 'ChangeClientKeys';
  readonly jwks: JwksInput | null;
}

/** Sets the app's access token lifetime, or null for the token service default. */
export interface ChangeAccessTokenLifetime {
  readonly type: 'ChangeAccessTokenLifetime';
  readonly seconds: number | null;
}

export interface AddSecret extends NewSecret {
  readonly type: 'AddSecret';
}

export interface RevokeSecret {
  readonly type: 'RevokeSecret';
  readonly secretId: string;
}

/**
 * Issued by the expiry check, not by a person: warns once that a secret expires within
 * `warningWindowMs` of now.
 */
export interface WarnSecretExpiring {
  readonly type: 'WarnSecretExpiring';
  readonly secretId: string;
  readonly warningWindowMs: number;
}

export interface DisableExternalApp {
  readonly type: 'DisableExternalApp';
}

export interface EnableExternalApp {
  readonly type: 'EnableExternalApp';
}

export interface DeleteExternalApp {
  readonly type: 'DeleteExternalApp';
}

export type ExternalAppCommand =
  | RegisterExternalApp
  | RenameExternalApp
  | ChangeRedirectUris
  | ChangeScopes
  | ChangeClientKeys
  | ChangeAccessTokenLifetime
  | AddSecret
  | RevokeSecret
  | WarnSecretExpiring
  | DisableExternalApp
  | EnableExternalApp
  | DeleteExternalApp;
