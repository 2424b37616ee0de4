import { createLocalJWKSet, decodeProtectedHeader, JSONWebKeySet, jwtVerify } from 'jose';
import { HttpCall } from '../load';
import { KnownApp, LOAD_SCOPES } from './seed-apps';

/** A server to ask for client_credentials tokens, as an OAuth client learns it from discovery. */
export interface GrantTarget {
  readonly name: string;
  readonly baseUrl: string;
  readonly issuer: string;
  /** Path of the token endpoint on baseUrl. */
  readonly tokenPath: string;
  readonly jwksUri: string;
  /** RFC 8707 `resource`: the token's expected audience. */
  readonly resource: string;
  readonly clients: readonly KnownApp[];
}

interface Discovery {
  readonly issuer: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
}

/** Reads the server's metadata (RFC 8414 / OpenID discovery), as a client library would. */
export async function discoverTarget(
  name: string,
  baseUrl: string,
  resource: string,
  clients: readonly KnownApp[],
): Promise<GrantTarget> {
  const response = await fetch(`${baseUrl}/.well-known/openid-configuration`);
  if (response.status !== 200) throw new Error(`${name}: discovery answered ${response.status}`);
  const metadata = (await response.json()) as Discovery;
  const tokenPath = new URL(metadata.token_endpoint).pathname;
  return {
    name,
    baseUrl,
    issuer: metadata.issuer,
    tokenPath,
    jwksUri: metadata.jwks_uri,
    resource,
    clients,
  };
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
export function basicCredentials(clientId: string, secret: string): string {
  const encode = (part: string) => new URLSearchParams({ v: part }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** One client_credentials request per client, built once; the n-th call uses client n mod count. */
export function grantCalls(target: GrantTarget): (n: number) => HttpCall {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: LOAD_SCOPES.join(' '),
    resource: target.resource,
  }).toString();
  const calls: HttpCall[] = target.clients.map((client) => ({
    method: 'POST',
    path: target.tokenPath,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicCredentials(client.clientId, client.secret),
    },
    body,
  }));
  return (n) => calls[n % calls.length];
}

export interface VerifiedToken {
  readonly alg: string;
  readonly typ: string | undefined;
  readonly kid: string | undefined;
}

/**
 * Asks for one token and checks it is what the comparison assumes: an ES256-signed JWT that the
 * server's JWKS verifies, issued by it, for the requested resource.
 */
export async function verifySampleToken(target: GrantTarget): Promise<VerifiedToken> {
  const call = grantCalls(target)(0);
  const response = await fetch(`${target.baseUrl}${call.path}`, {
    method: 'POST',
    headers: call.headers,
    body: call.body,
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(
      `${target.name}: a token request answered ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  const token = (JSON.parse(text) as { access_token?: unknown }).access_token;
  if (typeof token !== 'string') throw new Error(`${target.name}: no access_token in the answer`);
  const header = decodeProtectedHeader(token);
  if (header.alg !== 'ES256')
    throw new Error(`${target.name}: the token is ${header.alg}, not ES256`);
  const jwks = (await (await fetch(target.jwksUri)).json()) as JSONWebKeySet;
  await jwtVerify(token, createLocalJWKSet(jwks), {
    algorithms: ['ES256'],
    issuer: target.issuer,
    audience: target.resource,
  });
  return { alg: header.alg, typ: header.typ, kid: header.kid };
}
