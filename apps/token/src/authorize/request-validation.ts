import { Client } from '../clients/client';
import { ClientLookup } from '../clients/client-catalog';
import { resolveGrant } from '../token-endpoint/scope-resolution';
import {
  AuthorizationRequest,
  readParams,
  RequestCheck,
  RequestParams,
  trustClient,
} from './authorization-request';
import { AuthorizeError, authorizeError } from './authorize-error';

export const OFFLINE_ACCESS = 'offline_access';

/** RFC 7636 §4.2: BASE64URL(SHA-256(verifier)) without padding is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AuthorizeError };
const refuse = (...args: Parameters<typeof authorizeError>): Checked<never> => ({
  ok: false,
  error: authorizeError(...args),
});

/** Checks an authorization request (the query of `GET /oauth/authorize`) against the client table. */
export function checkAuthorizationRequest(
  query: URLSearchParams,
  clients: ClientLookup,
): RequestCheck {
  const params = readParams(query);
  const trust = trustClient(params, clients);
  if (!trust.ok) return { kind: 'untrusted', reason: trust.reason, clientId: trust.clientId };
  const { client, redirectUri } = trust;
  const state = params.repeated.has('state') ? null : (params.values.get('state') ?? null);
  const checked = checkParameters(params, client);
  if (!checked.ok) return { kind: 'refused', client, redirectUri, state, error: checked.error };
  return {
    kind: 'valid',
    client,
    request: { clientId: client.clientId, redirectUri, state, ...checked.value },
  };
}

type Checks = Omit<AuthorizationRequest, 'clientId' | 'redirectUri' | 'state'>;

function checkParameters(params: RequestParams, client: Client): Checked<Checks> {
  const repeated = checkRepeated(params);
  if (!repeated.ok) return repeated;
  const { values } = params;
  const responseType = values.get('response_type');
  if (responseType === undefined) return refuse('invalid_request', 'response_type is missing.');
  if (responseType !== 'code')
    return refuse('unsupported_response_type', 'Only response_type=code is supported.');
  const mode = values.get('response_mode');
  if (mode !== undefined && mode !== 'query')
    return refuse('invalid_request', 'Only response_mode=query is supported.');
  if (client.userScopes.length === 0)
    return refuse(
      'unauthorized_client',
      'The app holds no user scopes, so it cannot sign users in.',
    );
  const challenge = checkPkce(values, client);
  if (!challenge.ok) return challenge;
  const scopes = checkScopes(values, client);
  if (!scopes.ok) return scopes;
  return { ok: true, value: { ...scopes.value, codeChallenge: challenge.value } };
}

/**
 * RFC 6749 §4.1.2.1: a repeated parameter is `invalid_request`, returned to the app; client_id
 * and redirect_uri were refused on the error page already. `resource` may repeat in RFC 8707 to
 * ask for several audiences, which a token here cannot have: `invalid_target`.
 */
function checkRepeated({ repeated }: RequestParams): Checked<void> {
  if (repeated.has('resource'))
    return refuse('invalid_target', 'Ask for one resource per authorization request.');
  const [name] = repeated;
  if (name === undefined) return { ok: true, value: undefined };
  const shown = /^[a-z_]{1,40}$/.test(name) ? name : '(unnamed)';
  return refuse('invalid_request', `The parameter ${shown} is included more than once.`);
}

/**
 * RFC 7636 with RFC 9700 §2.1.1: S256 only (plain, and a challenge without a method, which
 * means plain, are refused); required of non-confidential apps, accepted from confidential ones.
 */
function checkPkce(values: ReadonlyMap<string, string>, client: Client): Checked<string | null> {
  const challenge = values.get('code_challenge');
  const method = values.get('code_challenge_method');
  if (method !== undefined && method !== 'S256')
    return refuse('invalid_request', 'code_challenge_method must be S256; plain is not supported.');
  if (challenge === undefined) {
    if (method !== undefined)
      return refuse('invalid_request', 'code_challenge_method was sent without code_challenge.');
    if (client.type === 'non-confidential')
      return refuse('invalid_request', 'PKCE is required: send code_challenge with method S256.');
    return { ok: true, value: null };
  }
  if (method === undefined)
    return refuse('invalid_request', 'Send code_challenge_method=S256; plain is not supported.');
  if (!S256_CHALLENGE.test(challenge))
    return refuse(
      'invalid_request',
      'code_challenge is not a base64url SHA-256 digest (43 characters).',
    );
  return { ok: true, value: challenge };
}

type ScopeChecks = Pick<AuthorizationRequest, 'scopes' | 'audience' | 'offlineAccess'>;

/**
 * The app's user scopes, by the token endpoint's rules (one audience, `resource` picks it, no
 * scope means all of them), plus `offline_access`, which any app with user scopes may ask for.
 */
function checkScopes(values: ReadonlyMap<string, string>, client: Client): Checked<ScopeChecks> {
  const names = values.get('scope')?.split(' ');
  const offlineAccess = names?.includes(OFFLINE_ACCESS) ?? false;
  const others = names?.filter((name) => name !== OFFLINE_ACCESS);
  const scope = others === undefined || others.length === 0 ? undefined : others.join(' ');
  const grant = resolveGrant(client.userScopes, scope, values.get('resource'));
  if (!grant.ok) {
    const { error, description } = grant.error;
    return error === 'invalid_target'
      ? refuse(error, description)
      : refuse('invalid_scope', description);
  }
  return { ok: true, value: { ...grant.value, offlineAccess } };
}
