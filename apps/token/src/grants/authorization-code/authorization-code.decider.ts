import { AuthorizationCodeRecord } from '../../authorization-codes/authorization-code-store';
import { isRegisteredRedirectUri } from '../../authorize/redirect-uri';
import { Client } from '../../clients/client';
import { FormParams } from '../../token-endpoint/form';
import { failure, Outcome, success } from '../../token-endpoint/oauth-error';
import { ResolvedGrant } from '../../token-endpoint/scope-resolution';
import { checkPkce, isWellFormedVerifier } from './pkce';
import { currentGrantScopes } from './user-token';

/** One answer for unknown, expired, replayed and foreign codes: a guesser learns nothing. */
export const CODE_INVALID =
  'The authorization code is invalid, expired, already used, or was issued to another client.';

export interface CodeExchangeParams {
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier: string | undefined;
  readonly resource: string | undefined;
}

/** RFC 6749 §4.1.3 and RFC 7636 §4.5 parameters of the token request. */
export function codeExchangeParams(form: FormParams): Outcome<CodeExchangeParams> {
  const code = form.get('code');
  if (code === undefined) return failure('invalid_request', 'code is required.');
  const redirectUri = form.get('redirect_uri');
  // Required here whatever the request: our authorization requests always carry one.
  if (redirectUri === undefined)
    return failure('invalid_request', 'redirect_uri is required (the authorization request one).');
  const codeVerifier = form.get('code_verifier');
  if (codeVerifier !== undefined && !isWellFormedVerifier(codeVerifier))
    return failure('invalid_request', 'code_verifier must be 43-128 characters A-Z a-z 0-9 -._~.');
  return success({ code, redirectUri, codeVerifier, resource: form.get('resource') });
}

export interface CheckedExchange {
  readonly code: AuthorizationCodeRecord;
  readonly grant: ResolvedGrant;
}

/**
 * Everything but single use and expiry, checked before the code is redeemed: a request that
 * could not have produced tokens (another client, no verifier) neither burns the code nor counts
 * as a replay, so whoever merely saw a code cannot revoke the user's grant with it.
 */
export function checkCodeExchange(
  code: AuthorizationCodeRecord | null,
  client: Client,
  params: CodeExchangeParams,
): Outcome<CheckedExchange> {
  if (code === null || code.clientId !== client.clientId)
    return failure('invalid_grant', CODE_INVALID);
  if (client.status !== 'active') return failure('invalid_grant', 'The app is not active.');
  if (params.redirectUri !== code.redirectUri)
    return failure('invalid_grant', 'redirect_uri differs from the authorization request.');
  if (!isRegisteredRedirectUri(client, code.redirectUri))
    return failure('invalid_grant', 'The redirect URI is no longer registered for the app.');
  const pkce = checkPkce(code.codeChallenge, params.codeVerifier, client.type);
  if (!pkce.ok) return pkce;
  const grant = currentGrantScopes(code, client, undefined, params.resource);
  return grant.ok ? success({ code, grant: grant.value }) : grant;
}

/** Valid for 60 s: from the 60th second on, the code is expired. */
export const isCodeExpired = (code: AuthorizationCodeRecord, now: Date): boolean =>
  now.getTime() >= code.expiresAt.getTime();
