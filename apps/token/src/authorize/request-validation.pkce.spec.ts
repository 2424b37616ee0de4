import { checkAuthorizationRequest } from './request-validation';
import { clientOf, StaticClientLookup } from './testing/static-client-lookup';

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const REDIRECT = 'https://app.example.com/callback';
const clients = new StaticClientLookup(
  clientOf({ clientId: 'desktop-1', type: 'non-confidential' }),
  clientOf({ clientId: 'web-1', type: 'confidential' }),
);

function check(clientId: string, pkce: Record<string, string>) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    ...pkce,
  });
  return checkAuthorizationRequest(query, clients);
}

const invalidRequest = { kind: 'refused', error: { error: 'invalid_request' } };

describe('authorization request: PKCE (RFC 7636, S256 only)', () => {
  it('requires a challenge of a non-confidential app', () => {
    expect(check('desktop-1', {})).toMatchObject(invalidRequest);
  });

  it('lets a confidential app go without PKCE', () => {
    expect(check('web-1', {})).toMatchObject({ kind: 'valid', request: { codeChallenge: null } });
  });

  it('accepts PKCE from a confidential app too', () => {
    const pkce = { code_challenge: CHALLENGE, code_challenge_method: 'S256' };
    expect(check('web-1', pkce)).toMatchObject({
      kind: 'valid',
      request: { codeChallenge: CHALLENGE },
    });
  });

  it('refuses the plain method', () => {
    expect(
      check('desktop-1', { code_challenge: CHALLENGE, code_challenge_method: 'plain' }),
    ).toMatchObject(invalidRequest);
  });

  it('refuses a challenge without a method, which would mean plain', () => {
    expect(check('desktop-1', { code_challenge: CHALLENGE })).toMatchObject(invalidRequest);
  });

  it('refuses a method without a challenge, even from a confidential app', () => {
    expect(check('web-1', { code_challenge_method: 'S256' })).toMatchObject(invalidRequest);
  });

  it.each([
    ['too short', CHALLENGE.slice(1)],
    ['too long', `${CHALLENGE}A`],
    ['padded base64', `${CHALLENGE.slice(0, 42)}=`],
    ['standard base64', `${CHALLENGE.slice(0, 42)}+`],
  ])('refuses a challenge that is %s', (_case, challenge) => {
    expect(
      check('desktop-1', { code_challenge: challenge, code_challenge_method: 'S256' }),
    ).toMatchObject(invalidRequest);
  });
});
