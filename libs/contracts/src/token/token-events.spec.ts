import { TokenIssued } from './token-events';

const issued = {
  clientId: 'app-1',
  grantType: 'client_credentials',
  subject: 'app-1',
  subjectType: 'app',
  scope: 'OR.Jobs',
  audience: ['OrchestratorApi'],
  jti: 'j-1',
  expiresAt: '2026-01-01T01:00:00.000Z',
  secretId: 'sec-1',
};

describe('token events', () => {
  it('TokenIssued accepts an issued client credentials token', () => {
    expect(TokenIssued.data.safeParse(issued).success).toBe(true);
  });

  it.each([
    ['an unknown grant type', { ...issued, grantType: 'password' }],
    ['a token value', { ...issued, accessToken: 'eyJ...' }],
    ['a malformed secret id', { ...issued, secretId: 'sec 1' }],
    ['an expiry with an offset', { ...issued, expiresAt: '2026-01-01T01:00:00+01:00' }],
  ])('TokenIssued refuses %s', (_case, data) => {
    expect(TokenIssued.data.safeParse(data).success).toBe(false);
  });
});
