// The benchmark's peer: node-oidc-provider (ESM only, hence a plain .mjs run by node itself) as an
// in-memory client_credentials server issuing ES256 JWT access tokens (RFC 9068 profile) to
// clients that authenticate with client_secret_basic. Configured from PEER_CONFIG (JSON):
//   { "port": 1234, "resource": "https://...", "scopes": ["A", "B"],
//     "clients": [{ "clientId": "...", "secret": "..." }] }
// Prints "peer listening on <port>" once it accepts connections. The secrets arrive through the
// environment of this child process only and are never printed.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.PEER_CONFIG ?? '{}');
const issuer = `http://127.0.0.1:${config.port}`;
const scope = config.scopes.join(' ');

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'peer-es256',
  use: 'sig',
  alg: 'ES256',
};

const provider = new Provider(issuer, {
  // No adapter: the built-in in-memory one.
  clients: config.clients.map(({ clientId, secret }) => ({
    client_id: clientId,
    client_secret: secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope,
  })),
  jwks: { keys: [signingKey] },
  // The only key is ES256, so every default signing algorithm must be ES256 too.
  clientDefaults: { id_token_signed_response_alg: 'ES256' },
  scopes: config.scopes,
  ttl: { ClientCredentials: 3600 },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => config.resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resourceIndicator) => {
        if (resourceIndicator !== config.resource) throw new Provider.errors.InvalidTarget();
        return {
          scope,
          audience: config.resource,
          accessTokenTTL: 3600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        };
      },
    },
  },
});

const server = provider.listen(config.port, '127.0.0.1', () => {
  console.log(`peer listening on ${config.port}`);
});
// Keep-alive connections of the load generator must not be cut between its requests.
server.keepAliveTimeout = 60_000;

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
