import { AuthorizationRequestApproval } from '../authorize/authorization-codes';
import { opaqueTokenHash } from '../grant-store/opaque-token';
import { AuthorizationCodes } from './authorization-codes';
import { InMemoryAuthorizationCodeStore } from './in-memory-authorization-code-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const now = new Date('2026-03-01T10:00:00.000Z');
const approval: AuthorizationRequestApproval = {
  clientId: 'app-1',
  redirectUri: 'http://127.0.0.1:8400/callback',
  userId: 'user-1',
  scopes: ['OR.Jobs.Read'],
  audience: 'OrchestratorApi',
  offlineAccess: true,
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

describe('AuthorizationCodes', () => {
  let store: InMemoryAuthorizationCodeStore;
  let codes: AuthorizationCodes;
  beforeEach(() => {
    store = new InMemoryAuthorizationCodeStore();
    codes = new AuthorizationCodes(store);
  });

  it('given an approval, then the code is 256 random bits and only its hash is kept, valid 60 s', async () => {
    const code = await codes.issue(approval, now);

    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.find(code)).toBeNull();
    expect(await store.find(opaqueTokenHash(code))).toEqual({
      ...approval,
      hash: opaqueTokenHash(code),
      grantId: expect.stringMatching(UUID),
      issuedAt: now,
      expiresAt: new Date('2026-03-01T10:01:00.000Z'),
    });
  });

  it('given two approvals, then each code has a grant of its own', async () => {
    const first = await codes.issue(approval, now);
    const second = await codes.issue(approval, now);

    expect(first).not.toBe(second);
    const grantIds = await Promise.all(
      [first, second].map(async (c) => (await store.find(opaqueTokenHash(c)))?.grantId),
    );
    expect(new Set(grantIds).size).toBe(2);
  });

  it('given an approval carrying more fields, then only the approval is stored', async () => {
    const code = await codes.issue({ ...approval, password: 'hunter2' } as never, now);

    expect(JSON.stringify(await store.find(opaqueTokenHash(code)))).not.toContain('hunter2');
  });
});
