import { Client } from '../clients/client';
import {
  authenticateClient,
  AuthenticationFailure,
  ClientAuthMethod,
  presentedClient,
} from './client-authentication';
import { FormParams, readForm } from './form';
import { failure, OAuthError, oauthError, Outcome } from './oauth-error';
import { resolveGrant, ResolvedGrant } from './scope-resolution';

export const SUPPORTED_GRANT_TYPES = ['client_credentials'];

export interface TokenRequest {
  /** The parsed body: URLSearchParams for a form, anything else for another content type. */
  readonly body: unknown;
  readonly authorization: string | undefined;
}

export interface ClientCredentialsGrant {
  readonly client: Client;
  /** The secret that authenticated the request, for its last-used time. */
  readonly secretId: string | null;
  readonly grant: ResolvedGrant;
}

export interface Refusal {
  readonly error: OAuthError;
  /** Why authentication failed, for the log; absent for other errors. */
  readonly authentication?: FailedAuthentication;
}

export interface FailedAuthentication {
  readonly reason: AuthenticationFailure;
  readonly method: ClientAuthMethod;
  /** Null for an unknown client: a mistyped client id may be a pasted secret, unfit for a log. */
  readonly clientId: string | null;
}

export type TokenDecision =
  | { readonly ok: true; readonly value: ClientCredentialsGrant }
  | { readonly ok: false; readonly refusal: Refusal };

/**
 * The token endpoint's decision, without I/O: form, grant type, client authentication, then the
 * grant. The grant type is checked before the client, so an unsupported grant says so even to a
 * client that would also fail authentication.
 */
export function decideTokenRequest(
  request: TokenRequest,
  findClient: (clientId: string) => Client | undefined,
  now: Date,
): TokenDecision {
  const refuse = (error: OAuthError, authentication?: FailedAuthentication): TokenDecision => ({
    ok: false,
    refusal: { error, authentication },
  });
  const form = formOf(request.body);
  if (!form.ok) return refuse(form.error);
  const grantType = checkGrantType(form.value);
  if (!grantType.ok) return refuse(grantType.error);
  const presented = presentedClient(request.authorization, form.value);
  if (!presented.ok) return refuse(presented.error);
  const { method, clientId } = presented.value;
  const authentication = authenticateClient(presented.value, findClient(clientId), now);
  if (!authentication.ok) {
    const { reason } = authentication;
    return refuse(oauthError('invalid_client', 'Client authentication failed.'), {
      reason,
      method,
      clientId: reason === 'unknown-client' ? null : clientId,
    });
  }
  const { client, secretId } = authentication;
  if (client.type !== 'confidential') {
    return refuse(
      oauthError('unauthorized_client', 'Only confidential apps may use client_credentials.'),
    );
  }
  const grant = resolveGrant(
    client.applicationScopes,
    form.value.get('scope'),
    form.value.get('resource'),
  );
  if (!grant.ok) return refuse(grant.error);
  return { ok: true, value: { client, secretId, grant: grant.value } };
}

function formOf(body: unknown): Outcome<FormParams> {
  if (!(body instanceof URLSearchParams))
    return failure(
      'invalid_request',
      'The request body must be application/x-www-form-urlencoded.',
    );
  return readForm(body);
}

function checkGrantType(form: FormParams): Outcome<string> {
  const grantType = form.get('grant_type');
  if (grantType === undefined) return failure('invalid_request', 'grant_type is required.');
  if (!SUPPORTED_GRANT_TYPES.includes(grantType))
    return failure(
      'unsupported_grant_type',
      'The only supported grant type is client_credentials.',
    );
  return { ok: true, value: grantType };
}
