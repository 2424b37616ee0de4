import { ResourceCatalog } from '@extapps/contracts';
import { AUTHORIZE_PATH } from '../authorize/authorize-settings';
import { OFFLINE_ACCESS } from '../authorize/request-validation';
import { CLIENT_ASSERTION_ALGORITHMS } from '../client-auth/client-assertion';
import { SUPPORTED_AUTH_METHODS } from '../token-endpoint/client-authentication';

export const TOKEN_PATH = '/oauth/token';
export const JWKS_PATH = '/.well-known/jwks.json';
export const INTROSPECTION_PATH = '/oauth/introspect';
export const REVOCATION_PATH = '/oauth/revoke';

/** RFC 8414 §2 authorization server metadata; also served as OpenID Connect discovery. */
export interface AuthorizationServerMetadata {
  readonly issuer: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly grant_types_supported: readonly string[];
  readonly token_endpoint_auth_methods_supported: readonly string[];
  /** RFC 8414 §2: required with private_key_jwt; the same list at every endpoint. */
  readonly token_endpoint_auth_signing_alg_values_supported: readonly string[];
  readonly introspection_endpoint_auth_signing_alg_values_supported: readonly string[];
  readonly revocation_endpoint_auth_signing_alg_values_supported: readonly string[];
  readonly scopes_supported: readonly string[];
  readonly introspection_endpoint: string;
  readonly introspection_endpoint_auth_methods_supported: readonly string[];
  readonly revocation_endpoint: string;
  readonly revocation_endpoint_auth_methods_supported: readonly string[];
  readonly authorization_endpoint: string;
  readonly response_types_supported: readonly string[];
  readonly response_modes_supported: readonly string[];
  readonly code_challenge_methods_supported: readonly string[];
  /** RFC 9207: every authorization response carries `iss`. */
  readonly authorization_response_iss_parameter_supported: boolean;
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
    // `none`: non-confidential apps exchange codes and refresh tokens with their client_id alone.
    token_endpoint_auth_methods_supported: [...new Set([...SUPPORTED_AUTH_METHODS, 'none'])],
    token_endpoint_auth_signing_alg_values_supported: CLIENT_ASSERTION_ALGORITHMS,
    introspection_endpoint_auth_signing_alg_values_supported: CLIENT_ASSERTION_ALGORITHMS,
    revocation_endpoint_auth_signing_alg_values_supported: CLIENT_ASSERTION_ALGORITHMS,
    scopes_supported: catalogScopes(catalog),
    introspection_endpoint: `${issuer}${INTROSPECTION_PATH}`,
    // Introspection is for confidential callers only; revocation also for apps without a secret.
    introspection_endpoint_auth_methods_supported: SUPPORTED_AUTH_METHODS.filter(
      (m) => m !== 'none',
    ),
    revocation_endpoint: `${issuer}${REVOCATION_PATH}`,
    revocation_endpoint_auth_methods_supported: [...new Set([...SUPPORTED_AUTH_METHODS, 'none'])],
    // authorize/: the code flow only, answered in the query, with S256 PKCE (RFC 9700 §2.1.1).
    authorization_endpoint: `${issuer}${AUTHORIZE_PATH}`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
  };
}

function catalogScopes(catalog: ResourceCatalog): string[] {
  const names = catalog.resources.flatMap((r) => [...r.applicationScopes, ...r.userScopes]);
  return [...new Set([...names.map((s) => s.name), OFFLINE_ACCESS])];
}
