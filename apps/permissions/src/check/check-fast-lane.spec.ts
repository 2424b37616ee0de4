import { AdminScopes } from '@extapps/contracts';
import { FastLane, Principal } from '@extapps/platform';
import type { IncomingMessage } from 'node:http';
import { AccessFeed } from '../access/access-feed';
import { AccessIndex } from '../access/access-index';
import { CachingAdminAuthenticator } from './caching-admin-authenticator';
import { CheckFastLane } from './check-fast-lane';

const KNOWN = 'Bearer known';
const app = (scopes: string[]): Principal => ({ subject: 'admin', subjectType: 'app', scopes });

function given(options: { ready: boolean; principal: Principal | null }) {
  const authenticator = Object.create(
    CachingAdminAuthenticator.prototype,
  ) as CachingAdminAuthenticator;
  authenticator.known = (header: string) => (header === KNOWN ? options.principal : null);
  const feed = { ready: options.ready } as AccessFeed;
  const index = { check: () => ({ allowed: false }) } as unknown as AccessIndex;
  return new CheckFastLane({} as FastLane, authenticator, index, feed);
}
const request = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('CheckFastLane', () => {
  it('given a token the guard verified before with the read scope, then it takes the check', () => {
    const lane = given({ ready: true, principal: app([AdminScopes.permissionsRead]) });

    expect(lane.accepts(request(KNOWN))).toBe(true);
  });

  it.each([
    [
      'no Authorization header',
      { ready: true, principal: app([AdminScopes.permissionsRead]) },
      undefined,
    ],
    ['a token not verified yet', { ready: true, principal: null }, KNOWN],
    [
      'a token without the read scope',
      { ready: true, principal: app([AdminScopes.appsRead]) },
      KNOWN,
    ],
    [
      'an index still catching up',
      { ready: false, principal: app([AdminScopes.permissionsRead]) },
      KNOWN,
    ],
  ])('given %s, then the normal route answers', (_case, options, header) => {
    expect(given(options).accepts(request(header))).toBe(false);
  });

  it('answers the index decision as JSON, and refuses a body that is not JSON with a 400', async () => {
    const lane = given({ ready: true, principal: null });
    const base = { headers: {}, ip: '127.0.0.1', correlationId: 'c' };
    const body = JSON.stringify({
      principal: { type: 'app', id: 'a' },
      permission: 'Jobs.View',
      tenant: 't1',
    });

    const answer = await lane.handle({ ...base, body });

    expect(answer).toMatchObject({ status: 200, body: '{"allowed":false}' });
    await expect(lane.handle({ ...base, body: '{' })).rejects.toMatchObject({ status: 400 });
  });
});
