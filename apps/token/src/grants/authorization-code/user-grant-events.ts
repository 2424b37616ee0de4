import { RevocationReason } from '../../grant-store/grant-store';
import { TokenEventRecord } from '../../events/token-event-sink';
import { AccessTokenClaims } from '../../token-endpoint/access-token';

/** The fields TokenIssued and TokenRefreshed share; never the token itself. */
function issuedToken(claims: AccessTokenClaims, secretId: string | null) {
  if (claims.gid === undefined) throw new Error('a user token carries its grant id');
  return {
    clientId: claims.client_id,
    subject: claims.sub,
    subjectType: claims.sub_type,
    scope: claims.scope,
    audience: [claims.aud],
    jti: claims.jti,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    secretId,
    grantId: claims.gid,
  };
}

export const codeExchanged = (
  claims: AccessTokenClaims,
  secretId: string | null,
): TokenEventRecord => ({
  streamId: claims.client_id,
  payload: {
    type: 'TokenIssued',
    data: { ...issuedToken(claims, secretId), grantType: 'authorization_code' },
  },
});

export const tokenRefreshed = (
  claims: AccessTokenClaims,
  secretId: string | null,
): TokenEventRecord => ({
  streamId: claims.client_id,
  payload: { type: 'TokenRefreshed', data: issuedToken(claims, secretId) },
});

export const grantRevoked = (
  clientId: string,
  grantId: string,
  reason: RevocationReason,
): TokenEventRecord => ({
  streamId: clientId,
  payload: {
    type: 'TokenRevoked',
    data: { clientId, target: 'grant', jti: null, grantId, reason },
  },
});

export const refreshTokenReused = (
  clientId: string,
  userId: string,
  grantId: string,
): TokenEventRecord => ({
  streamId: clientId,
  payload: { type: 'RefreshTokenReuseDetected', data: { clientId, subject: userId, grantId } },
});
