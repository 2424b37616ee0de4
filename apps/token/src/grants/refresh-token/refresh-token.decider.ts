import { Client } from '../../clients/client';
import { RefreshTokenRecord } from '../../grant-store/grant-records';
import { FormParams } from '../../token-endpoint/form';
import { failure, Outcome, success } from '../../token-endpoint/oauth-error';
import { ResolvedGrant } from '../../token-endpoint/scope-resolution';
import { currentGrantScopes } from '../authorization-code/user-token';

/** One answer for unknown, expired, revoked, reused and foreign tokens. */
export const REFRESH_TOKEN_INVALID =
  'The refresh token is invalid, expired or revoked, or was issued to another client.';

export interface RefreshParams {
  readonly refreshToken: string;
  readonly scope: string | undefined;
  readonly resource: string | undefined;
}

/** RFC 6749 §6 parameters. */
export function refreshParams(form: FormParams): Outcome<RefreshParams> {
  const refreshToken = form.get('refresh_token');
  if (refreshToken === undefined) return failure('invalid_request', 'refresh_token is required.');
  return success({ refreshToken, scope: form.get('scope'), resource: form.get('resource') });
}

export interface CheckedRefresh {
  readonly token: RefreshTokenRecord;
  readonly grant: ResolvedGrant;
}

/**
 * Everything but revocation and single use, checked before the token is redeemed: bound to the
 * client it was issued to (RFC 6749 §6), unexpired, for an active app, and a `scope` that only
 * narrows the grant's. A refused request does not burn the token.
 */
export function checkRefresh(
  token: RefreshTokenRecord | null,
  client: Client,
  params: RefreshParams,
  now: Date,
): Outcome<CheckedRefresh> {
  if (token === null || token.clientId !== client.clientId || isExpired(token, now))
    return failure('invalid_grant', REFRESH_TOKEN_INVALID);
  if (client.status !== 'active') return failure('invalid_grant', 'The app is not active.');
  const grant = currentGrantScopes(token, client, params.scope, params.resource);
  return grant.ok ? success({ token, grant: grant.value }) : grant;
}

const isExpired = (token: RefreshTokenRecord, now: Date): boolean =>
  now.getTime() >= token.expiresAt.getTime();
