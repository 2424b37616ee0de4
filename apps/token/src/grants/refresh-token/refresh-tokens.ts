import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@extapps/platform';
import { TokenConfig } from '../../config';
import { GRANT_STORE, GrantStore, RefreshTokenRecord } from '../../grant-store/grant-records';
import { newOpaqueToken, opaqueTokenHash } from '../../grant-store/opaque-token';

/** The grant a refresh token belongs to, as the token carries it. */
export type RefreshTokenGrant = Pick<
  RefreshTokenRecord,
  'grantId' | 'clientId' | 'userId' | 'scopes' | 'audience'
>;

/** Issues a grant's refresh tokens: 256 random bits, stored hashed, REFRESH_TOKEN_TTL_SECONDS. */
@Injectable()
export class RefreshTokens {
  constructor(
    @Inject(GRANT_STORE) private readonly store: GrantStore,
    @Inject(SERVICE_CONFIG) private readonly config: TokenConfig,
  ) {}

  async issue(grant: RefreshTokenGrant, now: Date): Promise<string> {
    const token = newOpaqueToken();
    const ttlMs = this.config.REFRESH_TOKEN_TTL_SECONDS * 1000;
    await this.store.saveRefreshToken({
      hash: opaqueTokenHash(token),
      grantId: grant.grantId,
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: [...grant.scopes],
      audience: grant.audience,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
    });
    return token;
  }
}
