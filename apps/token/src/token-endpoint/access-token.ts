import { randomUUID } from 'node:crypto';
import { ResolvedGrant } from './scope-resolution';

/** RFC 9068 §2.2 claims of an access token. */
export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  /** Ours: `app` or `user`, so resource servers need not compare sub with client_id. */
  readonly sub_type: 'app' | 'user';
  readonly aud: string;
  readonly client_id: string;
  readonly scope: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
  /** Ours, on user tokens only: the grant the token belongs to, so revoking the grant reaches it. */
  readonly gid?: string;
}

export interface AppTokenInput {
  readonly issuer: string;
  readonly clientId: string;
  readonly grant: ResolvedGrant;
  readonly issuedAt: Date;
  readonly ttlSeconds: number;
  readonly jti?: string;
}

/** Client credentials: the app is the subject. */
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

export interface UserTokenInput extends AppTokenInput {
  readonly userId: string;
  readonly grantId: string;
}

/** Authorization code and refresh: the user is the subject, the app the client. */
export function userTokenClaims(input: UserTokenInput): AccessTokenClaims {
  return { ...appTokenClaims(input), sub: input.userId, sub_type: 'user', gid: input.grantId };
}
