import { randomUUID } from 'node:crypto';
import { ResolvedGrant } from './scope-resolution';

/** RFC 9068 §2.2 claims of an app's own token (client credentials: the app is the subject). */
export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  /** Ours: `app` or `user`, so resource servers need not compare sub with client_id. */
  readonly sub_type: 'app';
  readonly aud: string;
  readonly client_id: string;
  readonly scope: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

export interface AppTokenInput {
  readonly issuer: string;
  readonly clientId: string;
  readonly grant: ResolvedGrant;
  readonly issuedAt: Date;
  readonly ttlSeconds: number;
  readonly jti?: string;
}

export function appTokenClaims(input: AppTokenInput): AccessTokenClaims {
  const iat = Math.floor(input.issuedAt.getTime() / 1000);
  return {
    iss: input.issuer,
    sub: input.clientId,
    sub_type: 'app',
    aud: input.grant.audience,
    client_id: input.clientId,
    scope: input.grant.scopes.join(' '),
    iat,
    exp: iat + input.ttlSeconds,
    jti: input.jti ?? randomUUID(),
  };
}
