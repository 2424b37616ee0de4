import { ManualClock } from '@extapps/testing';
import { newOpaqueToken } from '../grant-store/opaque-token';
import { InMemoryRevokedAccessTokens } from '../revocation/in-memory-revoked-access-tokens';
import { tokenFixtures } from './testing/token-fixtures';
import {
  MAX_TOKEN_LENGTH,
  RefreshTokenRecords,
  TokenFinder,
  tokenTypeHintOf,
} from './token-finder';

describe('TokenFinder', () => {
  const clock = new ManualClock('2026-03-01T10:00:00.000Z');
  let t: Awaited<ReturnType<typeof tokenFixtures>>;
  beforeEach(async () => {
    t = await tokenFixtures(clock);
  });
  const now = () => clock.now();
  const exp = (claims: { exp: number }) => new Date(claims.exp * 1000);

  it('given a current access token, then it is found with its claims, not revoked', async () => {
    const claims = t.appClaims('robot');

    expect(await t.finder.find(await t.sign(claims), undefined, now())).toEqual({
      kind: 'access_token',
      claims,
      revoked: false,
    });
  });

  it('given an access token whose jti was revoked, then it is found revoked', async () => {
    const claims = t.appClaims('robot');
    await t.revokedAccessTokens.revoke(
      { jti: claims.jti, clientId: 'robot', expiresAt: exp(claims) },
      now(),
    );

    expect(await t.finder.find(await t.sign(claims), undefined, now())).toMatchObject({
      kind: 'access_token',
      revoked: true,
    });
  });

  it('given a user access token whose grant (gid) was revoked, then it is found revoked', async () => {
    const { record } = t.grants.issueRefreshToken('web');
    const claims = t.userClaims('web', record.grantId);
    await t.grants.revokeGrant(record.grantId, 'refresh-token-reuse');

    expect(await t.finder.find(await t.sign(claims), undefined, now())).toMatchObject({
      kind: 'access_token',
      revoked: true,
    });
  });

  it('given a refresh token, then it is found by its hash; revoked once its grant is', async () => {
    const { token, record } = t.grants.issueRefreshToken('web');
    expect(await t.finder.find(token, undefined, now())).toEqual({
      kind: 'refresh_token',
      token: record,
      revoked: false,
    });

    await t.grants.revokeGrant(record.grantId, 'revocation-request');

    expect(await t.finder.find(token, undefined, now())).toMatchObject({ revoked: true });
  });

  it('given a refresh token that was rotated (spent), then it is found revoked', async () => {
    const { token, record } = t.grants.issueRefreshToken('web');

    t.grants.markRedeemed(record.hash);

    expect(await t.finder.find(token, 'refresh_token', now())).toMatchObject({
      kind: 'refresh_token',
      revoked: true,
    });
  });

  it.each([undefined, 'access_token', 'refresh_token'] as const)(
    'given the hint %s, then both kinds of token are still found',
    async (hint) => {
      const { token } = t.grants.issueRefreshToken('web');
      const access = await t.sign(t.appClaims('robot'));

      expect(await t.finder.find(token, hint, now())).toMatchObject({ kind: 'refresh_token' });
      expect(await t.finder.find(access, hint, now())).toMatchObject({ kind: 'access_token' });
    },
  );

  it('given a token that cannot be a refresh token, then no refresh token is read', async () => {
    const reads: string[] = [];
    const refreshTokens: RefreshTokenRecords = {
      isGrantRevoked: () => Promise.resolve(false),
      isRefreshTokenRedeemed: () => Promise.resolve(false),
      findRefreshToken: (hash) => {
        reads.push(hash);
        return Promise.resolve(null);
      },
    };
    const finder = new TokenFinder(t.verifier, new InMemoryRevokedAccessTokens(), refreshTokens);

    expect(await finder.find('a.b.c', 'refresh_token', now())).toBeNull();
    expect(
      await finder.find(await t.sign(t.appClaims('robot')), 'refresh_token', now()),
    ).toMatchObject({
      kind: 'access_token',
    });
    expect(reads).toEqual([]);
    expect(await finder.find(newOpaqueToken(), undefined, now())).toBeNull();
    expect(reads).toHaveLength(1);
  });

  it('given a refresh token at its expiry, then it is not found', async () => {
    const { token, record } = t.grants.issueRefreshToken('web');
    clock.set(record.expiresAt);

    expect(await t.finder.find(token, 'refresh_token', now())).toBeNull();
  });

  it('given an unknown, expired or oversized token, then nothing is found', async () => {
    const expired = await t.sign(t.appClaims('robot'));
    clock.advance(3_600_000);

    expect(await t.finder.find('unknown', undefined, now())).toBeNull();
    expect(await t.finder.find(expired, undefined, now())).toBeNull();
    expect(await t.finder.find('x'.repeat(MAX_TOKEN_LENGTH + 1), undefined, now())).toBeNull();
  });
});

describe('tokenTypeHintOf', () => {
  it('keeps the two hints it knows and ignores any other value (RFC 7009 §2.1)', () => {
    expect(tokenTypeHintOf('access_token')).toBe('access_token');
    expect(tokenTypeHintOf('refresh_token')).toBe('refresh_token');
    expect(tokenTypeHintOf('id_token')).toBeUndefined();
    expect(tokenTypeHintOf('urn:x:unknown')).toBeUndefined();
    expect(tokenTypeHintOf(undefined)).toBeUndefined();
  });
});
