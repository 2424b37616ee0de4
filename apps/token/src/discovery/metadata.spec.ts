import { DEFAULT_RESOURCE_CATALOG } from '@extapps/contracts';
import { authorizationServerMetadata } from './metadata';

describe('authorization server metadata (RFC 8414)', () => {
  const metadata = authorizationServerMetadata(
    'https://id.example.com/t1',
    DEFAULT_RESOURCE_CATALOG,
    ['client_credentials'],
  );

  it('publishes the issuer as configured and endpoints under it', () => {
    expect(metadata).toMatchObject({
      issuer: 'https://id.example.com/t1',
      token_endpoint: 'https://id.example.com/t1/oauth/token',
      jwks_uri: 'https://id.example.com/t1/.well-known/jwks.json',
    });
  });

  it('announces exactly what the token endpoint supports', () => {
    expect(metadata).toMatchObject({
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
        'none',
      ],
    });
  });

  it('announces the authorization endpoint: code only, query mode, S256, iss (RFC 9207)', () => {
    expect(metadata).toMatchObject({
      authorization_endpoint: 'https://id.example.com/t1/oauth/authorize',
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    });
  });

  it('publishes the introspection and revocation endpoints and how callers authenticate there', () => {
    expect(metadata).toMatchObject({
      introspection_endpoint: 'https://id.example.com/t1/oauth/introspect',
      revocation_endpoint: 'https://id.example.com/t1/oauth/revoke',
    });
    const secretMethods = ['client_secret_basic', 'client_secret_post'];
    expect(metadata.introspection_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(secretMethods),
    );
    expect(metadata.introspection_endpoint_auth_methods_supported).not.toContain('none');
    expect(metadata.revocation_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining([...secretMethods, 'none']),
    );
    expect(metadata.revocation_endpoint_auth_methods_supported.filter((m) => m === 'none')).toEqual(
      ['none'],
    );
  });

  it('lists each catalog scope once, application and user scopes alike', () => {
    expect(metadata.scopes_supported).toContain('extapps.apps.read');
    expect(metadata.scopes_supported).toContain('OR.Folders.Read');
    expect(metadata.scopes_supported).toContain('offline_access');
    expect(new Set(metadata.scopes_supported).size).toBe(metadata.scopes_supported.length);
  });
});
