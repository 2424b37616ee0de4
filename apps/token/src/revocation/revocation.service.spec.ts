import { endpointFixtures } from '../introspection/testing/endpoint-fixtures';
import { RevokedAccessTokens } from './revoked-access-tokens';
import { RevocationService } from './revocation.service';

describe('RevocationService', () => {
  let f: Awaited<ReturnType<typeof endpointFixtures>>;
  let service: RevocationService;
  beforeEach(async () => {
    f = await endpointFixtures();
    service = serviceWith(f.revokedAccessTokens);
  });
  const serviceWith = (revoked: RevokedAccessTokens) =>
    new RevocationService(f.reader, f.finder, revoked, f.grants, f.sink, f.logger);
  const revokedEvents = () => f.sink.ofType('TokenRevoked');

  it('given its own access token, then its jti is revoked and TokenRevoked recorded once', async () => {
    const claims = f.appClaims('robot');
    const token = await f.sign(claims);

    expect(await service.revoke(f.call({ token }, f.basic('robot')))).toEqual({
      ok: true,
      value: null,
    });
    expect(await service.revoke(f.call({ token }, f.basic('robot')))).toEqual({
      ok: true,
      value: null,
    });

    expect(await f.revokedAccessTokens.isRevoked(claims.jti)).toBe(true);
    expect(revokedEvents()).toEqual([
      expect.objectContaining({
        streamId: 'robot',
        actor: { type: 'app', id: 'robot', ip: '203.0.113.9', userAgent: 'curl/8' },
        correlationId: 'corr-1',
        occurredAt: '2026-03-01T10:00:00.000Z',
        data: {
          clientId: 'robot',
          target: 'access_token',
          jti: claims.jti,
          grantId: null,
          reason: 'revocation-request',
        },
      }),
    ]);
  });

  it('given a user access token, then its jti is revoked and its grant stays', async () => {
    const { record } = f.grants.issueRefreshToken('robot');
    const claims = f.userClaims('robot', record.grantId);

    await service.revoke(f.call({ token: await f.sign(claims) }, f.basic('robot')));

    expect(await f.revokedAccessTokens.isRevoked(claims.jti)).toBe(true);
    expect(await f.grants.isGrantRevoked(record.grantId)).toBe(false);
    expect(revokedEvents()[0].data).toMatchObject({
      target: 'access_token',
      grantId: record.grantId,
    });
  });

  it('given its own refresh token, then its grant is revoked for revocation-request', async () => {
    const { token, record } = f.grants.issueRefreshToken('robot');

    expect(
      await service.revoke(f.call({ token, token_type_hint: 'refresh_token' }, f.basic('robot'))),
    ).toEqual({
      ok: true,
      value: null,
    });

    expect(f.grants.revocations.get(record.grantId)).toBe('revocation-request');
    expect(revokedEvents().map((e) => e.data)).toEqual([
      {
        clientId: 'robot',
        target: 'refresh_token',
        jti: null,
        grantId: record.grantId,
        reason: 'revocation-request',
      },
    ]);
  });

  it('given a non-confidential app, then it revokes its own refresh token with its client id alone', async () => {
    const { token, record } = f.grants.issueRefreshToken('desktop');

    expect(await service.revoke(f.call({ token, client_id: 'desktop' }))).toEqual({
      ok: true,
      value: null,
    });
    expect(await f.grants.isGrantRevoked(record.grantId)).toBe(true);
  });

  it.each(['unknown-token', 'a.b.c'])(
    'given the unknown token %j, then 200 and no event (§2.2)',
    async (token) => {
      expect(await service.revoke(f.call({ token }, f.basic('robot')))).toEqual({
        ok: true,
        value: null,
      });
      expect(f.sink.events).toEqual([]);
    },
  );

  it('given an expired access token, then 200 and nothing to revoke', async () => {
    const claims = f.appClaims('robot');
    const token = await f.sign(claims);
    f.clock.advance(3_600_000);

    expect(await service.revoke(f.call({ token }, f.basic('robot')))).toEqual({
      ok: true,
      value: null,
    });
    expect(await f.revokedAccessTokens.isRevoked(claims.jti)).toBe(false);
  });

  it('given an unknown token_type_hint, then it is ignored and the token revoked', async () => {
    const claims = f.appClaims('robot');
    const form = { token: await f.sign(claims), token_type_hint: 'id_token' };

    expect(await service.revoke(f.call(form, f.basic('robot')))).toEqual({ ok: true, value: null });
    expect(await f.revokedAccessTokens.isRevoked(claims.jti)).toBe(true);
  });
});
