import { clientSecretMatches, isWellFormedClientSecret } from '@extapps/contracts';
import {
  hasClientAssertion,
  PresentedAssertion,
  presentedAssertion,
} from '../client-auth/client-assertion-presentation';
import { Client } from '../clients/client';
import { FormParams } from './form';
import { failure, Outcome, success } from './oauth-error';

export const SUPPORTED_AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
];

/** How the client identified itself; `none` is a client id alone (non-confidential apps). */
export type ClientAuthMethod =
  | 'client_secret_basic'
  | 'client_secret_post'
  | 'private_key_jwt'
  | 'none';

/** A client id with a secret, or alone (`none`). */
export interface PresentedClient {
  readonly method: Exclude<ClientAuthMethod, 'private_key_jwt'>;
  readonly clientId: string;
  /** Null for `none`. Never logged, never echoed. */
  readonly secret: string | null;
}

/** What the request presented: a secret (or a bare id), or a client assertion. */
export type Presentation = PresentedClient | PresentedAssertion;

/**
 * The one client authentication method of the request (RFC 6749 §2.3: a client MUST NOT use more
 * than one). With `client_secret_basic` the id and secret are form-urlencoded inside the Basic
 * credentials (§2.3.1), so they are decoded once more.
 */
export function presentedClient(
  authorization: string | undefined,
  form: FormParams,
): Outcome<Presentation> {
  if (hasClientAssertion(form)) return presentedAssertion(authorization, form);
  const bodyId = form.get('client_id');
  const bodySecret = form.get('client_secret');
  if (authorization !== undefined) {
    if (bodySecret !== undefined)
      return failure('invalid_request', 'Use one client authentication method, not two.');
    const basic = decodeBasic(authorization);
    if (!basic.ok) return basic;
    if (bodyId !== undefined && bodyId !== basic.value.clientId)
      return failure('invalid_request', 'client_id differs from the authenticated client.');
    return basic;
  }
  if (bodyId === undefined) {
    if (bodySecret !== undefined)
      return failure('invalid_request', 'client_secret needs client_id.');
    return failure('invalid_client', 'Client authentication is required.');
  }
  return bodySecret === undefined
    ? success({ method: 'none', clientId: bodyId, secret: null })
    : success({ method: 'client_secret_post', clientId: bodyId, secret: bodySecret });
}

const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i;

function decodeBasic(authorization: string): Outcome<PresentedClient> {
  const match = BASIC.exec(authorization);
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0)
    return failure('invalid_client', 'The Authorization header is not valid Basic credentials.');
  const clientId = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (clientId === null || secret === null || clientId === '')
    return failure('invalid_client', 'The Basic credentials are not form-urlencoded.');
  return success({ method: 'client_secret_basic', clientId, secret });
}

function formDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Why authentication failed; for logs and tests only: every case answers the same `invalid_client`. */
export type AuthenticationFailure =
  | 'unknown-client'
  | 'secret-required'
  | 'no-secrets'
  | 'wrong-secret'
  | 'revoked-secret'
  | 'expired-secret'
  | 'disabled'
  | 'deleted'
  | 'invalid-assertion'
  | 'no-keys';

export type Authentication =
  | { readonly ok: true; readonly client: Client; readonly secretId: string | null }
  | { readonly ok: false; readonly reason: AuthenticationFailure };

const refused = (reason: AuthenticationFailure): Authentication => ({ ok: false, reason });

/** Checks the presented credentials against the client table entry, at instant `now`. */
export function authenticateClient(
  presented: PresentedClient,
  client: Client | undefined,
  now: Date,
): Authentication {
  if (!client) return refused('unknown-client');
  // A deleted app keeps no secrets; a disabled one is told apart only once its secret matched.
  if (client.status === 'deleted') return refused('deleted');
  const secret = checkSecret(presented, client, now.getTime());
  if (!secret.ok) return secret;
  if (client.status === 'disabled') return refused('disabled');
  return { ok: true, client, secretId: secret.secretId };
}

function checkSecret(
  presented: PresentedClient,
  client: Client,
  now: number,
): { ok: true; secretId: string | null } | { ok: false; reason: AuthenticationFailure } {
  if (presented.secret === null) {
    // A client id alone identifies only an app that cannot keep a secret.
    return client.type === 'non-confidential'
      ? { ok: true, secretId: null }
      : refused('secret-required');
  }
  if (client.secrets.length === 0) return refused('no-secrets');
  // The format check rejects junk without hashing; every stored hash is compared, match or not.
  const candidate = presented.secret;
  const wellFormed = isWellFormedClientSecret(candidate);
  const matching = client.secrets.filter(
    (s) => wellFormed && clientSecretMatches(candidate, s.hash),
  );
  const [match] = matching;
  if (!match) return refused('wrong-secret');
  if (match.revoked) return refused('revoked-secret');
  if (match.expiresAt !== null && match.expiresAt <= now) return refused('expired-secret');
  return { ok: true, secretId: match.secretId };
}
