import { RegistrationEventPayload } from '@extapps/contracts';

/**
 * Every way the external app refuses a command, in one place. The HTTP layer maps codes to
 * statuses (not-found → 404, already-exists / deleted → 409, the rest → 422).
 * Repeating a command whose outcome already holds (same name, same URIs, same scopes, disabling a
 * disabled app, enabling an active one) is not an error: it succeeds with no events, so clients
 * may retry safely.
 */
export const ERROR_CODES = {
  'app-not-found': 'no app was ever registered under this id',
  'app-already-exists': 'an app is already registered under this id',
  'app-deleted': 'the app is deleted; a deleted app accepts no further command',
  'invalid-app-id': 'the app id is not 1-200 letters, digits, ".", "_" or "-"',
  'invalid-name': 'the name is empty or longer than 100 characters once trimmed',
  'invalid-redirect-uri':
    'a redirect URI is not an absolute https URI (or http on 127.0.0.1, [::1], localhost), or has a fragment, a wildcard, userinfo or whitespace',
  'duplicate-redirect-uri': 'the same redirect URI is listed twice',
  'too-many-redirect-uris': 'more redirect URIs than the limit',
  'redirect-uri-required': 'an app with user scopes needs at least one redirect URI',
  'unknown-scope': 'the scope is not in the resource catalog as a scope of that kind',
  'duplicate-scope': 'the same scope is listed twice in one kind',
  'scope-kind-not-allowed': 'a non-confidential app asked for application scopes',
  'invalid-jwks':
    'the JWKS is not 1-10 public EC (P-256, P-384), RSA (2048+ bit) or OKP (Ed25519, Ed448) signing keys with unique kids; private and symmetric keys are refused',
  'jwks-not-allowed':
    'a non-confidential app cannot have a JWKS (private_key_jwt authenticates a client)',
  'invalid-access-token-lifetime':
    'the access token lifetime is not a whole number of seconds from 300 to 86400',
  'secret-required': 'a confidential app is registered without its first secret',
  'secret-not-allowed': 'a non-confidential app cannot have a secret',
  'invalid-secret':
    'the secret id, hash or description is malformed (a hash must be sha256:<digest>)',
  'secret-id-taken': 'the app already has a secret with this id',
  'secret-expiry-in-past': 'the secret would expire at or before now',
  'too-many-secrets': 'the app already has the maximum number of active secrets',
  'secret-not-found': 'the app has no secret with this id',
  'secret-already-revoked': 'the secret is revoked already',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface DomainError {
  readonly code: ErrorCode;
  readonly message: string;
  /** The command field at fault, e.g. `redirectUris[2]`, for field-level problem details. */
  readonly field?: string;
}

export type Decision =
  | { readonly ok: true; readonly events: readonly RegistrationEventPayload[] }
  | { readonly ok: false; readonly error: DomainError };

/** Either a valid value or the error explaining why there is none. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const accept = (...events: RegistrationEventPayload[]): Decision => ({ ok: true, events });

export const refuse = (code: ErrorCode, message: string, field?: string) =>
  ({
    ok: false,
    error: field === undefined ? { code, message } : { code, message, field },
  }) as const;

export const valid = <T>(value: T) => ({ ok: true, value }) as const;
