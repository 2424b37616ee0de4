import { randomUUID } from 'node:crypto';
import { RefreshTokenRecord } from '../grant-store/grant-records';
import { FoundToken } from '../introspection/token-finder';
import { appTokenClaims } from '../token-endpoint/access-token';
import { decideRevocation } from './revocation.decider';

const claims = appTokenClaims({
  issuer: 'https://id.example.com',
  clientId: 'robot',
  grant: { audience: 'OrchestratorApi', scopes: ['OR.Jobs'] },
  issuedAt: new Date('2026-03-01T10:00:00.000Z'),
  ttlSeconds: 600,
});
const token: RefreshTokenRecord = {
  hash: 'hash-1',
  grantId: randomUUID(),
  clientId: 'web',
  userId: 'user-1',
  scopes: ['OR.Jobs.Read'],
  audience: 'OrchestratorApi',
  issuedAt: new Date('2026-03-01T09:00:00.000Z'),
  expiresAt: new Date('2026-03-31T09:00:00.000Z'),
};
const access = (revoked = false): FoundToken => ({ kind: 'access_token', claims, revoked });
const refresh = (revoked = false): FoundToken => ({ kind: 'refresh_token', token, revoked });

describe('decideRevocation (RFC 7009 §2.1)', () => {
  it('given its own access token, then its jti is revoked', () => {
    expect(decideRevocation(access(), 'robot')).toEqual({ action: 'revoke-access-token', claims });
  });

  it('given its own refresh token, then the whole grant is revoked', () => {
    expect(decideRevocation(refresh(), 'web')).toEqual({
      action: 'revoke-grant',
      grantId: token.grantId,
    });
  });

  it('given a token of another client, then the request is refused as unauthorized_client', () => {
    const refusal = {
      action: 'refuse',
      error: {
        error: 'unauthorized_client',
        description: 'The token was not issued to this client.',
      },
    };
    expect(decideRevocation(access(), 'web')).toEqual(refusal);
    expect(decideRevocation(refresh(), 'robot')).toEqual(refusal);
  });

  it('given an unknown or invalid token, then there is nothing to do (§2.2: still 200)', () => {
    expect(decideRevocation(null, 'robot')).toEqual({ action: 'none' });
  });

  it('given a token already revoked, then there is nothing to do, whoever asks', () => {
    expect(decideRevocation(access(true), 'robot')).toEqual({ action: 'none' });
    expect(decideRevocation(refresh(true), 'robot')).toEqual({ action: 'none' });
  });
});
