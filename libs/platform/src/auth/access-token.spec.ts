import { describeRefusal, principalFromClaims, refuseHeader, TokenRefused } from './access-token';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenWithHeader = (header: unknown) => `${encode(header)}.${encode({})}.sig`;
const verified = { sub: 'app-1', client_id: 'app-1', exp: 1_900_000_000 };

describe('refuseHeader', () => {
  const algorithms = ['ES256', 'RS256'];

  it('passes an access-token header with an allowed algorithm and a kid', () => {
    expect(
      refuseHeader(tokenWithHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' }), algorithms),
    ).toBeNull();
    expect(
      refuseHeader(
        tokenWithHeader({ alg: 'RS256', typ: 'Application/AT+JWT', kid: 'k' }),
        algorithms,
      ),
    ).toBeNull();
  });

  it.each([
    [{ alg: 'ES384', typ: 'at+jwt', kid: 'k1' }, 'algorithm that is not accepted'],
    [{ typ: 'at+jwt', kid: 'k1' }, 'algorithm that is not accepted'],
    [{ alg: 'ES256', typ: 'jwt', kid: 'k1' }, 'typ must be at+jwt'],
    [{ alg: 'ES256', typ: 'at+jwt+x', kid: 'k1' }, 'typ must be at+jwt'],
    [{ alg: 'ES256', typ: 'at+jwt' }, 'names no signing key'],
    [{ alg: 'ES256', typ: 'at+jwt', kid: '' }, 'names no signing key'],
  ])('refuses header %j', (header, reason) => {
    expect(refuseHeader(tokenWithHeader(header), algorithms)?.message).toContain(reason);
  });

  it('refuses what does not decode', () => {
    expect(refuseHeader('a.b.c', algorithms)?.message).toBe(
      'The access token is not a well-formed JWT.',
    );
  });
});

describe('principalFromClaims', () => {
  it('maps sub and space-separated scopes, without blanks or repeats', () => {
    expect(principalFromClaims({ ...verified, scope: ' a  b a ' })).toEqual({
      ok: true,
      principal: { subject: 'app-1', subjectType: 'app', scopes: ['a', 'b'] },
    });
  });

  it('gives no scopes when the claim is absent', () => {
    expect(principalFromClaims(verified)).toMatchObject({ principal: { scopes: [] } });
  });

  it('prefers sub_type over the client_id rule', () => {
    expect(principalFromClaims({ ...verified, sub_type: 'user' })).toMatchObject({
      principal: { subjectType: 'user' },
    });
    expect(principalFromClaims({ ...verified, client_id: 'other', sub_type: 'app' })).toMatchObject(
      { principal: { subjectType: 'app' } },
    );
  });

  it('treats a token of another client, or of none, as a user token', () => {
    expect(principalFromClaims({ ...verified, client_id: 'app-9' })).toMatchObject({
      principal: { subjectType: 'user' },
    });
    expect(principalFromClaims({ sub: 'u', exp: 1 })).toMatchObject({
      principal: { subjectType: 'user' },
    });
  });

  it.each([
    [{ ...verified, sub: undefined }, 'The access token has no subject.'],
    [{ ...verified, sub: '' }, 'The access token has no subject.'],
    [{ ...verified, exp: undefined }, 'The access token has no expiry.'],
    [{ ...verified, scope: ['a'] }, 'The access token scope is not a string.'],
    [{ ...verified, sub_type: 'admin' }, 'The access token sub_type is neither app nor user.'],
    ['a string payload', 'The access token has no claims.'],
  ])('refuses %j', (claims, reason) => {
    const outcome = principalFromClaims(claims);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.refused.message).toBe(reason);
  });
});

describe('describeRefusal', () => {
  it('passes our own reasons through', () => {
    expect(describeRefusal(new TokenRefused('why'))).toBe('why');
  });

  it('never echoes what the verifier expected', () => {
    const description = describeRefusal(
      Object.assign(new Error('jwt audience invalid. expected: secret-audience'), {
        name: 'JsonWebTokenError',
      }),
    );
    expect(description).toBe('The access token is not meant for this service.');
  });

  it('falls back to a generic description', () => {
    expect(describeRefusal(new Error('jwt malformed'))).toBe('The access token is invalid.');
    expect(describeRefusal(undefined)).toBe('The access token is invalid.');
  });
});
