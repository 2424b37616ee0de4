import { z } from 'zod';
import { authSettings, jwksUrlOf, jwtAuthenticatorOptionsOf } from './auth-settings';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const schema = z.object({
  ...authSettings({ defaultIssuer: 'http://localhost:3002', defaultAudience: 'extapps-admin' }),
});

function issuesOf(env: Record<string, string>): Record<string, string> {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.issues.map((i) => [i.setting, i.reason]));
  }
  throw new Error('expected a ConfigError');
}

describe('authSettings', () => {
  it('defaults the issuer and audience, and derives the JWKS URL from the issuer', () => {
    const config = loadConfig(schema, { AUTH_JWKS_URL: ' ' });
    expect(config).toMatchObject({
      AUTH_ISSUER: 'http://localhost:3002',
      AUTH_AUDIENCE: 'extapps-admin',
    });
    expect(config.AUTH_JWKS_URL).toBeUndefined();
    expect(jwtAuthenticatorOptionsOf(config)).toEqual({
      issuer: 'http://localhost:3002',
      jwksUrl: 'http://localhost:3002/.well-known/jwks.json',
      audience: 'extapps-admin',
    });
  });

  it('derives the JWKS URL under an issuer that has a path, with or without a trailing slash', () => {
    for (const issuer of [
      'https://id.example.com/tenants/acme',
      'https://id.example.com/tenants/acme/',
    ])
      expect(jwksUrlOf(loadConfig(schema, { AUTH_ISSUER: issuer }))).toBe(
        'https://id.example.com/tenants/acme/.well-known/jwks.json',
      );
  });

  it('keeps the issuer exactly as written, since iss is compared as a string', () => {
    expect(loadConfig(schema, { AUTH_ISSUER: 'https://id.example.com/' }).AUTH_ISSUER).toBe(
      'https://id.example.com/',
    );
  });

  it('uses an explicit JWKS URL and audience', () => {
    const config = loadConfig(schema, {
      AUTH_JWKS_URL: 'http://token:3002/keys?v=2',
      AUTH_AUDIENCE: 'registration',
    });
    expect(jwksUrlOf(config)).toBe('http://token:3002/keys?v=2');
    expect(config.AUTH_AUDIENCE).toBe('registration');
  });

  it('names every bad setting and why, at start-up', () => {
    expect(
      issuesOf({
        AUTH_ISSUER: 'ftp://id.example.com',
        AUTH_JWKS_URL: 'not a url',
        AUTH_AUDIENCE: 'two words',
      }),
    ).toEqual({
      AUTH_ISSUER: 'expected an http(s) URL, got "ftp://id.example.com"',
      AUTH_JWKS_URL: 'expected an http(s) URL, got "not a url"',
      AUTH_AUDIENCE: 'expected one audience without spaces, got "two words"',
    });
  });

  it('refuses an issuer with a query and URLs with a fragment', () => {
    expect(
      issuesOf({ AUTH_ISSUER: 'https://id.example.com?x=1', AUTH_JWKS_URL: 'https://a/k#frag' }),
    ).toEqual({
      AUTH_ISSUER: 'expected an issuer URL without a query, got "https://id.example.com?x=1"',
      AUTH_JWKS_URL: 'expected a URL without a fragment, got "https://a/k#frag"',
    });
  });

  it('never repeats credentials embedded in a URL', () => {
    const reason = issuesOf({ AUTH_JWKS_URL: 'https://user:hunter2@id.example.com/jwks' })[
      'AUTH_JWKS_URL'
    ];
    expect(reason).toBe('expected a URL without credentials');
  });
});
