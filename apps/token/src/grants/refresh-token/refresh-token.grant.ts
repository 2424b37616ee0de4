import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@extapps/platform';
import { TokenConfig } from '../../config';
import { GRANT_STORE, GrantStore, RefreshTokenRecord } from '../../grant-store/grant-records';
import { isWellFormedOpaqueToken, opaqueTokenHash } from '../../grant-store/opaque-token';
import { oauthError } from '../../token-endpoint/oauth-error';
import {
  grantRevoked,
  refreshTokenReused,
  tokenRefreshed,
} from '../authorization-code/user-grant-events';
import { userAccessClaims } from '../authorization-code/user-token';
import { GrantHandler, GrantOutcome, GrantRequest } from '../grant-handler';
import { checkRefresh, REFRESH_TOKEN_INVALID, refreshParams } from './refresh-token.decider';
import { RefreshTokens } from './refresh-tokens';

const invalid = (): GrantOutcome => ({
  ok: false,
  error: oauthError('invalid_grant', REFRESH_TOKEN_INVALID),
});

/**
 * RFC 6749 §6 with rotation (RFC 9700 §4.14.2): each refresh token is redeemed once, by inserting
 * its hash, and answered with the grant's next one. An old token presented again means two
 * parties hold the grant's tokens: the whole grant is revoked.
 */
@Injectable()
export class RefreshTokenGrant implements GrantHandler {
  readonly grantType = 'refresh_token' as const;

  constructor(
    @Inject(GRANT_STORE) private readonly grants: GrantStore,
    @Inject(RefreshTokens) private readonly refreshTokens: RefreshTokens,
    @Inject(SERVICE_CONFIG) private readonly config: TokenConfig,
  ) {}

  async handle({ form, client: authenticated, now }: GrantRequest): Promise<GrantOutcome> {
    const params = refreshParams(form);
    if (!params.ok) return { ok: false, error: params.error };
    const { refreshToken: presented } = params.value;
    const hash = opaqueTokenHash(presented);
    const stored = isWellFormedOpaqueToken(presented)
      ? await this.grants.findRefreshToken(hash)
      : null;
    const checked = checkRefresh(stored, authenticated.client, params.value, now);
    if (!checked.ok) return { ok: false, error: checked.error };
    const { token, grant } = checked.value;
    if (await this.grants.isGrantRevoked(token.grantId)) return invalid();
    if (!(await this.grants.redeemRefreshToken(hash, now))) return this.reused(token, now);
    const refreshToken = await this.refreshTokens.issue(token, now);
    const claims = userAccessClaims(this.config, authenticated.client, token, grant, now);
    return {
      ok: true,
      claims,
      refreshToken,
      events: [tokenRefreshed(claims, authenticated.secretId)],
    };
  }

  private async reused(token: RefreshTokenRecord, now: Date): Promise<GrantOutcome> {
    const { clientId, userId, grantId } = token;
    const revoked = await this.grants.revokeGrant(grantId, 'refresh-token-reuse', now);
    return {
      ...invalid(),
      events: [
        refreshTokenReused(clientId, userId, grantId),
        ...(revoked ? [grantRevoked(clientId, grantId, 'refresh-token-reuse')] : []),
      ],
    };
  }
}
