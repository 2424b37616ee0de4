import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@extapps/platform';
import {
  AUTHORIZATION_CODE_STORE,
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
} from '../../authorization-codes/authorization-code-store';
import { TokenConfig } from '../../config';
import { GRANT_STORE, GrantStore } from '../../grant-store/grant-records';
import { isWellFormedOpaqueToken, opaqueTokenHash } from '../../grant-store/opaque-token';
import { oauthError } from '../../token-endpoint/oauth-error';
import { GrantHandler, GrantOutcome, GrantRequest } from '../grant-handler';
import { RefreshTokens } from '../refresh-token/refresh-tokens';
import {
  checkCodeExchange,
  CODE_INVALID,
  codeExchangeParams,
  isCodeExpired,
} from './authorization-code.decider';
import { codeExchanged, grantRevoked } from './user-grant-events';
import { userAccessClaims } from './user-token';

/**
 * RFC 6749 §4.1.3: a code for a user token, and a refresh token when `offline_access` was
 * granted. The code is redeemed by inserting its hash: the insert that wins redeems; a later
 * one is a replay, which revokes the grant the code produced (RFC 6749 §4.1.2, RFC 9700 §4.5).
 */
@Injectable()
export class AuthorizationCodeGrant implements GrantHandler {
  readonly grantType = 'authorization_code' as const;

  constructor(
    @Inject(AUTHORIZATION_CODE_STORE) private readonly codes: AuthorizationCodeStore,
    @Inject(GRANT_STORE) private readonly grants: GrantStore,
    @Inject(RefreshTokens) private readonly refreshTokens: RefreshTokens,
    @Inject(SERVICE_CONFIG) private readonly config: TokenConfig,
  ) {}

  async handle({ form, client: authenticated, now }: GrantRequest): Promise<GrantOutcome> {
    const params = codeExchangeParams(form);
    if (!params.ok) return { ok: false, error: params.error };
    const hash = opaqueTokenHash(params.value.code);
    const stored = isWellFormedOpaqueToken(params.value.code) ? await this.codes.find(hash) : null;
    const checked = checkCodeExchange(stored, authenticated.client, params.value);
    if (!checked.ok) return { ok: false, error: checked.error };
    const { code, grant } = checked.value;
    if (!(await this.codes.redeem(hash, now))) return this.replayed(code, now);
    // After the redemption, so that a replay of an expired code still revokes.
    if (isCodeExpired(code, now))
      return { ok: false, error: oauthError('invalid_grant', CODE_INVALID) };
    await this.grants.createGrant({
      grantId: code.grantId,
      clientId: code.clientId,
      userId: code.userId,
      scopes: code.scopes,
      audience: code.audience,
      offlineAccess: code.offlineAccess,
      createdAt: now,
    });
    const refreshToken = code.offlineAccess ? await this.refreshTokens.issue(code, now) : undefined;
    const claims = userAccessClaims(this.config, authenticated.client, code, grant, now);
    return {
      ok: true,
      claims,
      ...(refreshToken === undefined ? {} : { refreshToken }),
      events: [codeExchanged(claims, authenticated.secretId)],
    };
  }

  private async replayed(code: AuthorizationCodeRecord, now: Date): Promise<GrantOutcome> {
    const revoked = await this.grants.revokeGrant(code.grantId, 'authorization-code-reuse', now);
    return {
      ok: false,
      error: oauthError('invalid_grant', CODE_INVALID),
      events: revoked
        ? [grantRevoked(code.clientId, code.grantId, 'authorization-code-reuse')]
        : [],
    };
  }
}
