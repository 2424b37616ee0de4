import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

export interface TestTokenIssuerOptions {
  /** The `aud` tokens carry unless `issue` says otherwise (default `extapps-admin`). */
  readonly audience?: string;
}

export interface IssueTokenOptions {
  readonly sub: string;
  /** Written as the `sub_type` claim when given. */
  readonly subType?: 'app' | 'user';
  readonly scopes: readonly string[];
  /** Default: `sub`, as for a client-credentials token. */
  readonly clientId?: string;
  readonly audience?: string;
  /** Lifetime from `issuedAt`; negative issues an already expired token (default 300). */
  readonly expiresInSec?: number;
  /** Sets `nbf` this many seconds after `issuedAt`. */
  readonly notBeforeInSec?: number;
  /** Default now. */
  readonly issuedAt?: Date;
  /** Header `typ` (default `at+jwt`); null leaves it out. */
  readonly typ?: string | null;
  /** ES256 uses the current published key; HS256 a random secret; none is unsigned. */
  readonly alg?: 'ES256' | 'HS256' | 'none';
  /** Default: this issuer's URL. */
  readonly issuer?: string;
  /** Signs with a key that is not in the JWKS, under the current kid: a forged signature. */
  readonly unpublishedKey?: boolean;
}

export interface TestTokenIssuer {
  /** Base URL, also the `iss` of issued tokens. */
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  /** The kid that `issue` signs with now. */
  readonly currentKid: string;
  /** How many times the JWKS was requested (answered or not). */
  readonly jwksRequests: number;
  issue(options: IssueTokenOptions): Promise<string>;
  /** A new current key; the JWKS keeps serving the previous ones too. */
  rotate(): Promise<void>;
  /** While down, the JWKS answers 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

/**
 * A stand-in for the token service: RFC 9068 access tokens signed with ES256 and a JWKS served
 * on 127.0.0.1. Tests get real signatures, rotation and outages without the real service.
 */
export async function startTestTokenIssuer(
  options: TestTokenIssuerOptions = {},
): Promise<TestTokenIssuer> {
  const keys: SigningKey[] = [await newSigningKey()];
  const state = { down: false, requests: 0 };
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    state.requests++;
    if (state.down) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('down for the test');
      return;
    }
    const jwks = { keys: keys.map((k) => k.publicJwk) };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const audience = options.audience ?? 'extapps-admin';
  const current = () => keys[keys.length - 1];

  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    audience,
    get currentKid() {
      return current().kid;
    },
    get jwksRequests() {
      return state.requests;
    },
    issue: (claims) => sign(claims, { issuer, audience, key: current() }),
    rotate: async () => {
      keys.push(await newSigningKey());
    },
    setDown: (down) => {
      state.down = down;
    },
    close: () => closeServer(server),
  };
}

async function newSigningKey(): Promise<SigningKey> {
  const kid = `test-${randomBytes(6).toString('hex')}`;
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

interface SigningContext {
  readonly issuer: string;
  readonly audience: string;
  readonly key: SigningKey;
}

async function sign(options: IssueTokenOptions, context: SigningContext): Promise<string> {
  const alg = options.alg ?? 'ES256';
  const header = {
    alg,
    kid: context.key.kid,
    ...(options.typ === null ? {} : { typ: options.typ ?? 'at+jwt' }),
  };
  const claims = claimsOf(options, context);
  switch (alg) {
    case 'ES256': {
      const key = options.unpublishedKey
        ? (await generateKeyPair('ES256')).privateKey
        : context.key.privateKey;
      return new SignJWT(claims).setProtectedHeader(header).sign(key);
    }
    case 'HS256':
      return new SignJWT(claims).setProtectedHeader(header).sign(randomBytes(32));
    case 'none':
      return `${encodePart(header)}.${encodePart(claims)}.`;
    default: {
      const unknown: never = alg;
      throw new Error(`unsupported alg ${String(unknown)}`);
    }
  }
}

function claimsOf(options: IssueTokenOptions, context: SigningContext): Record<string, unknown> {
  const iat = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  return {
    iss: options.issuer ?? context.issuer,
    sub: options.sub,
    ...(options.subType ? { sub_type: options.subType } : {}),
    aud: options.audience ?? context.audience,
    client_id: options.clientId ?? options.sub,
    scope: options.scopes.join(' '),
    iat,
    exp: iat + (options.expiresInSec ?? 300),
    ...(options.notBeforeInSec === undefined ? {} : { nbf: iat + options.notBeforeInSec }),
    jti: randomUUID(),
  };
}

const encodePart = (value: unknown): string => base64url.encode(JSON.stringify(value));

async function closeServer(server: Server): Promise<void> {
  // Verifiers keep connections alive; without this close() would wait for them to time out.
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
