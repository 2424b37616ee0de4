import { GrantType } from '@extapps/contracts';
import { TokenEventRecord } from '../events/token-event-sink';
import { AccessTokenClaims } from '../token-endpoint/access-token';

/** What TokenIssued and TokenRefreshed say of a token, from its claims; never the token itself. */
export function issuedTokenData(claims: AccessTokenClaims, secretId: string | null) {
  return {
    clientId: claims.client_id,
    subject: claims.sub,
    subjectType: claims.sub_type,
    scope: claims.scope,
    audience: [claims.aud],
    jti: claims.jti,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    secretId,
    ...(claims.gid === undefined ? {} : { grantId: claims.gid }),
  };
}

/** TokenIssued, keyed by the client so one app's events stay in order. */
export function tokenIssued(
  claims: AccessTokenClaims,
  grantType: GrantType,
  secretId: string | null,
): TokenEventRecord {
  return {
    streamId: claims.client_id,
    payload: { type: 'TokenIssued', data: { ...issuedTokenData(claims, secretId), grantType } },
  };
}
