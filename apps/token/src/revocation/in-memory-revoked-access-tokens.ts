import { RevokedAccessToken, RevokedAccessTokens } from './revoked-access-tokens';

/** One process only: unit tests, and a single instance without MongoDB. */
export class InMemoryRevokedAccessTokens implements RevokedAccessTokens {
  private readonly revoked = new Map<string, RevokedAccessToken>();

  revoke(token: RevokedAccessToken): Promise<boolean> {
    if (this.revoked.has(token.jti)) return Promise.resolve(false);
    this.revoked.set(token.jti, { ...token });
    return Promise.resolve(true);
  }

  isRevoked(jti: string): Promise<boolean> {
    return Promise.resolve(this.revoked.has(jti));
  }

  purgeExpired(before: Date): Promise<number> {
    let purged = 0;
    for (const [jti, token] of this.revoked) {
      if (token.expiresAt < before) {
        this.revoked.delete(jti);
        purged++;
      }
    }
    return Promise.resolve(purged);
  }
}
