import { GrantType } from '@extapps/contracts';
import { Client } from '../clients/client';
import { TokenEventRecord } from '../events/token-event-sink';
import { AccessTokenClaims } from '../token-endpoint/access-token';
import { ClientAuthMethod } from '../token-endpoint/client-authentication';
import { FormParams } from '../token-endpoint/form';
import { OAuthError } from '../token-endpoint/oauth-error';

/** Where a request came from, for events and logs. */
export interface RequestMeta {
  readonly ip: string;
  readonly userAgent?: string;
  readonly correlationId: string;
}

/** A client that proved who it is (or, for `none`, a non-confidential app that named itself). */
export interface AuthenticatedClient {
  readonly client: Client;
  readonly method: ClientAuthMethod;
  /** The client secret that matched; null for other methods (its last-used time moves). */
  readonly secretId: string | null;
}

export interface GrantRequest {
  readonly form: FormParams;
  readonly client: AuthenticatedClient;
  readonly now: Date;
  readonly meta: RequestMeta;
}

/**
 * A grant's answer. On success the service signs `claims`, sends `refreshToken` when present, and
 * records `events` before answering; a refusal may carry events too (a replayed code revokes).
 */
export type GrantOutcome =
  | {
      readonly ok: true;
      readonly claims: AccessTokenClaims;
      readonly refreshToken?: string;
      readonly events: readonly TokenEventRecord[];
    }
  | {
      readonly ok: false;
      readonly error: OAuthError;
      readonly events?: readonly TokenEventRecord[];
    };

/** One grant type of the token endpoint (RFC 6749 §4). */
export interface GrantHandler {
  readonly grantType: GrantType;
  handle(request: GrantRequest): Promise<GrantOutcome>;
}

/** Nest multi-provider token: every GrantHandler the token endpoint serves. */
export const GRANT_HANDLERS = Symbol('GRANT_HANDLERS');
