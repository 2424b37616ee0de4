import { RevocationReason } from '../../grant-store/grant-store';
import { TokenEventRecord } from '../../events/token-event-sink';
import { AccessTokenClaims } from '../../token-endpoint/access-token';
import { issuedTokenData, tokenIssued } from '../issued-token-event';

/** A user token's event data: it always names its grant. */
function userTokenData(claims: AccessTokenClaims, secretId: string | null) {
  if (claims.gid === undefined) throw new Error('a user token carries its grant id');
  return { ...issuedTokenData(claims, secretId), grantId: claims.gid };
}

export const codeExchanged = (claims: AccessTokenClaims, secretId: string | null) =>
  tokenIssued(claims, 'authorization_code', secretId);

export const tokenRefreshed = (
  claims: AccessTokenClaims,
  secretId: string | null,
): TokenEventRecord => ({
  streamId: claims.client_id,
  payload: { type: 'TokenRefreshed', data: userTokenData(claims, secretId) },
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
