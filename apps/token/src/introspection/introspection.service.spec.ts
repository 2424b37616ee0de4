import { RevokedAccessTokens } from '../revocation/revoked-access-tokens';
import { IntrospectionService } from './introspection.service';
import { endpointFixtures } from './testing/endpoint-fixtures';
import { TEST_ISSUER } from './testing/token-fixtures';
import { TokenFinder } from './token-finder';

describe('IntrospectionService', () => {
  let f: Awaited<ReturnType<typeof endpointFixtures>>;
  let service: IntrospectionService;
  beforeEach(async () => {
    f = await endpointFixtures();
    service = serviceWith(f.finder);
  });
  const serviceWith = (finder: TokenFinder) =>
    new IntrospectionService(f.reader, finder, f.clients, { ISSUER: TEST_ISSUER }, f.logger);

  it('given an authenticated resource server and an active token, then it answers the claims', async () => {
    const claims = f.appClaims('robot');
    const token = await f.sign(claims);

    expect(await service.introspect(f.call({ token }, f.basic('rs')))).toEqual({
      ok: true,
      value: expect.objectContaining({ active: true, client_id: 'robot', jti: claims.jti }),
    });
    expect(f.sink.events).toEqual([]);
  });

  it('given client_secret_post, then the caller is authenticated as well', async () => {
    const token = await f.sign(f.appClaims('robot'));
    const form = { token, client_id: 'rs', client_secret: f.secrets.rs.plaintext };

    expect(await service.introspect(f.call(form))).toMatchObject({
      ok: true,
      value: { active: true },
    });
  });

  it('given a revoked token, then exactly {active: false}', async () => {
    const claims = f.appClaims('robot');
    const expiresAt = new Date(claims.exp * 1000);
    await f.revokedAccessTokens.revoke(
      { jti: claims.jti, clientId: 'robot', expiresAt },
      f.clock.now(),
    );

    expect(
      await service.introspect(f.call({ token: await f.sign(claims) }, f.basic('rs'))),
    ).toEqual({
      ok: true,
      value: { active: false },
    });
  });

  it('given an unknown token_type_hint, then it is ignored and the token still found', async () => {
    const token = await f.sign(f.appClaims('robot'));
    const form = { token, token_type_hint: 'urn:x:whatever' };

    expect(await service.introspect(f.call(form, f.basic('rs')))).toMatchObject({
      ok: true,
      value: { active: true },
    });
  });

  it('given a wrong secret, then invalid_client, and ClientAuthenticationFailed names introspection', async () => {
    expect(await service.introspect(f.call({ token: 'x' }, f.basic('rs', 'wrong')))).toEqual({
      ok: false,
      error: { error: 'invalid_client', description: 'Client authentication failed.' },
    });
    expect(f.sink.ofType('ClientAuthenticationFailed')).toEqual([
      expect.objectContaining({
        data: {
          clientId: 'rs',
          method: 'client_secret_basic',
          reason: 'wrong-secret',
          endpoint: 'introspection',
        },
      }),
    ]);
  });

  it('given no client authentication at all, then invalid_client', async () => {
    expect(await service.introspect(f.call({ token: 'x' }))).toMatchObject({
      ok: false,
      error: { error: 'invalid_client' },
    });
  });

  it('given a non-confidential app naming itself, then invalid_client: it cannot authenticate', async () => {
    const token = await f.sign(f.appClaims('robot'));

    expect(await service.introspect(f.call({ token, client_id: 'desktop' }))).toMatchObject({
      ok: false,
      error: { error: 'invalid_client' },
    });
  });

  it('given no token parameter, then invalid_request', async () => {
    expect(await service.introspect(f.call({}, f.basic('rs')))).toEqual({
      ok: false,
      error: { error: 'invalid_request', description: 'token is required.' },
    });
  });

  it('given a body that is not a form, then invalid_request', async () => {
    const call = { body: { token: 'x' }, authorization: f.basic('rs'), meta: f.call({}).meta };

    expect(await service.introspect(call)).toMatchObject({
      ok: false,
      error: { error: 'invalid_request' },
    });
  });

  it('given the client table still catching up, then temporarily_unavailable', async () => {
    f.clients.ready = false;

    expect(await service.introspect(f.call({ token: 'x' }, f.basic('rs')))).toMatchObject({
      ok: false,
      error: { error: 'temporarily_unavailable' },
    });
  });

  it('given the revoked-token store is away, then temporarily_unavailable, not a guess', async () => {
    const failing: RevokedAccessTokens = {
      revoke: () => Promise.reject(new Error('down')),
      isRevoked: () => Promise.reject(new Error('down')),
      purgeExpired: () => Promise.reject(new Error('down')),
    };
    const token = await f.sign(f.appClaims('robot'));
    service = serviceWith(new TokenFinder(f.verifier, failing, f.grants));

    expect(await service.introspect(f.call({ token }, f.basic('rs')))).toMatchObject({
      ok: false,
      error: { error: 'temporarily_unavailable' },
    });
  });
});
