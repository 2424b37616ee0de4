import { FoundToken } from '../introspection/token-finder';
import { AccessTokenClaims } from '../token-endpoint/access-token';
import { OAuthError, oauthError } from '../token-endpoint/oauth-error';

/** What a revocation request comes to. */
export type RevocationDecision =
  /** Unknown, invalid, expired or already revoked: 200 and nothing to do (RFC 7009 §2.2). */
  | { readonly action: 'none' }
  | { readonly action: 'refuse'; readonly error: OAuthError }
  /** Its jti only; other tokens of the grant stay. */
  | { readonly action: 'revoke-access-token'; readonly claims: AccessTokenClaims }
  /** A refresh token ends its grant, and with it every token of the grant (RFC 7009 §2.1). */
  | { readonly action: 'revoke-grant'; readonly grantId: string };

/**
 * RFC 7009 §2.1: the server "verifies whether the token was issued to the client making the
 * revocation request. If this validation fails, the request is refused and the client is
 * informed". The answer is `unauthorized_client` (400) and nothing is revoked: the request is well
 * formed and the client authenticated, it is just not allowed this token. (Keycloak and
 * node-oidc-provider say `invalid_request`; Doorkeeper says `unauthorized_client`.)
 */
export function decideRevocation(found: FoundToken | null, callerId: string): RevocationDecision {
  if (!found || found.revoked) return { action: 'none' };
  const owner = found.kind === 'access_token' ? found.claims.client_id : found.token.clientId;
  if (owner !== callerId) {
    const error = oauthError('unauthorized_client', 'The token was not issued to this client.');
    return { action: 'refuse', error };
  }
  switch (found.kind) {
    case 'access_token':
      return { action: 'revoke-access-token', claims: found.claims };
    case 'refresh_token':
      return { action: 'revoke-grant', grantId: found.token.grantId };
    default: {
      const unexpected: never = found;
      throw new Error(`unknown token kind ${JSON.stringify(unexpected)}`);
    }
  }
}
