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
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      response_types_supported: [],
    });
  });

  it('lists each catalog scope once, application and user scopes alike', () => {
    expect(metadata.scopes_supported).toContain('extapps.apps.read');
    expect(metadata.scopes_supported).toContain('OR.Folders.Read');
    expect(new Set(metadata.scopes_supported).size).toBe(metadata.scopes_supported.length);
  });
});
