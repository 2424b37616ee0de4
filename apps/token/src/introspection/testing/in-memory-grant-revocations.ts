import { randomUUID } from 'node:crypto';
import { RefreshTokenRecord } from '../../grant-store/grant-records';
import { Grant, GrantRevocations, RevocationReason } from '../../grant-store/grant-store';
import { newOpaqueToken, opaqueTokenHash } from '../../grant-store/opaque-token';
import { RefreshTokenRecords } from '../token-finder';

const ISSUED_AT = new Date('2026-03-01T09:00:00.000Z');
const DAY_MS = 86_400_000;

/**
 * Grants and their refresh tokens in memory, behind the ports introspection and revocation use;
 * the grant store's own adapters are tested against their contract elsewhere.
 */
export class InMemoryGrantRevocations implements GrantRevocations, RefreshTokenRecords {
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly revocations = new Map<string, RevocationReason>();
  private readonly spent = new Set<string>();

  /** A new grant for `clientId` and a refresh token of it, valid for a day from ISSUED_AT. */
  issueRefreshToken(clientId: string, overrides: Partial<RefreshTokenRecord> = {}) {
    const token = newOpaqueToken();
    const record: RefreshTokenRecord = {
      hash: opaqueTokenHash(token),
      grantId: randomUUID(),
      clientId,
      userId: 'user-1',
      scopes: ['OR.Jobs.Read'],
      audience: 'OrchestratorApi',
      issuedAt: ISSUED_AT,
      expiresAt: new Date(ISSUED_AT.getTime() + DAY_MS),
      ...overrides,
    };
    const { grantId, userId, scopes, audience } = record;
    const grant = {
      grantId,
      clientId,
      userId,
      scopes,
      audience,
      offlineAccess: true,
      createdAt: ISSUED_AT,
    };
    this.grants.set(grantId, grant);
    this.refreshTokens.set(record.hash, record);
    return { token, record };
  }

  revokeGrant(grantId: string, reason: RevocationReason): Promise<boolean> {
    if (this.revocations.has(grantId)) return Promise.resolve(false);
    this.revocations.set(grantId, reason);
    return Promise.resolve(true);
  }

  isGrantRevoked(grantId: string): Promise<boolean> {
    return Promise.resolve(this.revocations.has(grantId));
  }

  grantOfRefreshToken(refreshToken: string): Promise<Grant | null> {
    const record = this.refreshTokens.get(opaqueTokenHash(refreshToken));
    return Promise.resolve((record && this.grants.get(record.grantId)) ?? null);
  }

  /** The refresh grant redeemed this token: it was rotated and is spent. */
  markRedeemed(hash: string): void {
    this.spent.add(hash);
  }

  isRefreshTokenRedeemed(hash: string): Promise<boolean> {
    return Promise.resolve(this.spent.has(hash));
  }

  findRefreshToken(hash: string): Promise<RefreshTokenRecord | null> {
    return Promise.resolve(this.refreshTokens.get(hash) ?? null);
  }
}
