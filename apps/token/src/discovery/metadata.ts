import { ResourceCatalog } from '@extapps/contracts';
import { SUPPORTED_AUTH_METHODS } from '../token-endpoint/client-authentication';

export const TOKEN_PATH = '/oauth/token';
export const JWKS_PATH = '/.well-known/jwks.json';

/** RFC 8414 §2 authorization server metadata; also served as OpenID Connect discovery. */
export interface AuthorizationServerMetadata {
  readonly issuer: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly grant_types_supported: readonly string[];
  readonly token_endpoint_auth_methods_supported: readonly string[];
  readonly scopes_supported: readonly string[];
  /** Required by RFC 8414; empty while there is no authorization endpoint. */
  readonly response_types_supported: readonly string[];
}

/**
 * Endpoints are the issuer plus a path, so `issuer` here, every token's `iss` and the URLs a
 * client is told to use all come from the one ISSUER setting.
 */
export function authorizationServerMetadata(
  issuer: string,
  catalog: ResourceCatalog,
  grantTypes: readonly string[],
): AuthorizationServerMetadata {
  return {
    issuer,
    token_endpoint: `${issuer}${TOKEN_PATH}`,
    jwks_uri: `${issuer}${JWKS_PATH}`,
    grant_types_supported: grantTypes,
    token_endpoint_auth_methods_supported: SUPPORTED_AUTH_METHODS,
    scopes_supported: catalogScopes(catalog),
    response_types_supported: [],
  };
}

function catalogScopes(catalog: ResourceCatalog): string[] {
  const names = catalog.resources.flatMap((r) => [...r.applicationScopes, ...r.userScopes]);
  return [...new Set(names.map((s) => s.name))];
}
