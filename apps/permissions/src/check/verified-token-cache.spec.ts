import { UnauthorizedException } from '@nestjs/common';
import { Authenticator, Principal } from '@extapps/platform';
import type { FastifyRequest } from 'fastify';
import { VerifiedTokenCache } from './verified-token-cache';

const SECOND = 1000;
const principal: Principal = { subject: 'app-1', subjectType: 'app', scopes: ['s'] };

/** An unsigned JWT-shaped token with this `exp` (seconds); the fake inner authenticator trusts it. */
const token = (exp: number | undefined, id = 'a') =>
  [{ alg: 'ES256' }, { sub: id, ...(exp === undefined ? {} : { exp }) }, 'sig']
    .map((part) =>
      typeof part === 'string' ? part : Buffer.from(JSON.stringify(part)).toString('base64url'),
    )
    .join('.');
const request = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as FastifyRequest;

function given(answer: (r: FastifyRequest) => Promise<Principal | null>, maxEntries = 10) {
  let now = 1_000 * SECOND;
  const calls: string[] = [];
  const inner: Authenticator = {
    authenticate: (r) => {
      calls.push(String(r.headers.authorization));
      return answer(r);
    },
  };
  const cache = new VerifiedTokenCache(inner, { maxEntries, now: () => now });
  return { cache, calls, advance: (ms: number) => (now += ms) };
}

describe('VerifiedTokenCache', () => {
  it('given a token accepted once, then it is not verified again until it expires', async () => {
    const { cache, calls, advance } = given(async () => principal);
    const header = `Bearer ${token(1_060)}`;

    expect(await cache.authenticate(request(header))).toEqual(principal);
    expect(await cache.authenticate(request(header))).toEqual(principal);
    expect(calls).toHaveLength(1);

    advance(60 * SECOND);
    await cache.authenticate(request(header));
    expect(calls).toHaveLength(2);
  });

  it('given a token, then it is known without verifying only once accepted and while live', async () => {
    const { cache, calls, advance } = given(async () => principal);
    const header = `Bearer ${token(1_060)}`;

    expect(cache.known(header)).toBeNull();
    await cache.authenticate(request(header));
    expect(cache.known(header)).toEqual(principal);
    advance(60 * SECOND);

    expect(cache.known(header)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('given a refused token, then every attempt is verified again (and refused)', async () => {
    const { cache, calls } = given(async () => {
      throw new UnauthorizedException('bad token');
    });
    const header = `Bearer ${token(1_060)}`;

    await expect(cache.authenticate(request(header))).rejects.toThrow('bad token');
    await expect(cache.authenticate(request(header))).rejects.toThrow('bad token');
    expect(calls).toHaveLength(2);
  });

  it('given no credentials or a token without exp, then nothing is remembered', async () => {
    const { cache, calls } = given(async (r) => (r.headers.authorization ? principal : null));

    expect(await cache.authenticate(request())).toBeNull();
    await cache.authenticate(request(`Bearer ${token(undefined)}`));
    await cache.authenticate(request(`Bearer ${token(undefined)}`));

    expect(calls).toEqual(['undefined', expect.any(String), expect.any(String)]);
    expect(cache.size).toBe(0);
  });

  it('given more tokens than it may hold, then the oldest is forgotten first', async () => {
    const { cache, calls } = given(async () => principal, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => `Bearer ${token(2_000, id)}`);

    for (const header of [a, b, c, c, b, a]) await cache.authenticate(request(header));

    expect(calls).toEqual([a, b, c, a]);
    expect(cache.size).toBe(2);
  });
});
