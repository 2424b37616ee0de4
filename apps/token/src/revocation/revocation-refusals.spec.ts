import { endpointFixtures } from '../introspection/testing/endpoint-fixtures';
import { RevokedAccessTokens } from './revoked-access-tokens';
import { RevocationService } from './revocation.service';

describe('RevocationService refusals', () => {
  let f: Awaited<ReturnType<typeof endpointFixtures>>;
  let service: RevocationService;
  beforeEach(async () => {
    f = await endpointFixtures();
    service = serviceWith(f.revokedAccessTokens);
  });
  const serviceWith = (revoked: RevokedAccessTokens) =>
    new RevocationService(f.reader, f.finder, revoked, f.grants, f.sink, f.logger);
  const revokedEvents = () => f.sink.ofType('TokenRevoked');

  it('given a token of another client, then unauthorized_client, nothing revoked, no event', async () => {
    const claims = f.appClaims('robot');
    const refresh = f.grants.issueRefreshToken('robot');

    for (const token of [await f.sign(claims), refresh.token])
      expect(await service.revoke(f.call({ token }, f.basic('rs')))).toEqual({
        ok: false,
        error: {
          error: 'unauthorized_client',
          description: 'The token was not issued to this client.',
        },
      });
    expect(
      await service.revoke(f.call({ token: refresh.token, client_id: 'desktop' })),
    ).toMatchObject({
      ok: false,
      error: { error: 'unauthorized_client' },
    });

    expect(await f.revokedAccessTokens.isRevoked(claims.jti)).toBe(false);
    expect(await f.grants.isGrantRevoked(refresh.record.grantId)).toBe(false);
    expect(revokedEvents()).toEqual([]);
  });

  it('given a failed client authentication, then invalid_client and nothing revoked', async () => {
    const claims = f.appClaims('robot');

    expect(
      await service.revoke(f.call({ token: await f.sign(claims) }, f.basic('robot', 'wrong'))),
    ).toMatchObject({
      ok: false,
      error: { error: 'invalid_client' },
    });
    expect(await f.revokedAccessTokens.isRevoked(claims.jti)).toBe(false);
    expect(f.sink.ofType('ClientAuthenticationFailed')[0].data).toMatchObject({
      endpoint: 'revocation',
    });
  });

  it('given no token parameter, then invalid_request', async () => {
    expect(await service.revoke(f.call({}, f.basic('robot')))).toEqual({
      ok: false,
      error: { error: 'invalid_request', description: 'token is required.' },
    });
  });

  it('given the store is away, then temporarily_unavailable and no event', async () => {
    const failing: RevokedAccessTokens = {
      revoke: () => Promise.reject(new Error('down')),
      isRevoked: () => Promise.resolve(false),
      purgeExpired: () => Promise.reject(new Error('down')),
    };
    service = serviceWith(failing);

    expect(
      await service.revoke(f.call({ token: await f.sign(f.appClaims('robot')) }, f.basic('robot'))),
    ).toMatchObject({
      ok: false,
      error: { error: 'temporarily_unavailable' },
    });
    expect(revokedEvents()).toEqual([]);
  });
});
