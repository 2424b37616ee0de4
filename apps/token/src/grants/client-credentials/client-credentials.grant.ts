import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@extapps/platform';
import { TokenConfig } from '../../config';
import { appTokenClaims } from '../../token-endpoint/access-token';
import { oauthError } from '../../token-endpoint/oauth-error';
import { resolveGrant } from '../../token-endpoint/scope-resolution';
import { accessTokenTtlSeconds } from '../access-token-lifetime';
import { tokenIssued } from '../issued-token-event';
import { GrantHandler, GrantOutcome, GrantRequest } from '../grant-handler';

/**
 * RFC 6749 §4.4: a confidential app asks for a token for itself, with its application scopes.
 * No refresh token (§4.4.3): the app can always ask again.
 */
@Injectable()
export class ClientCredentialsGrant implements GrantHandler {
  readonly grantType = 'client_credentials' as const;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: TokenConfig) {}

  handle({ form, client: authenticated, now }: GrantRequest): Promise<GrantOutcome> {
    return Promise.resolve(this.decide(form, authenticated, now));
  }

  private decide(
    form: GrantRequest['form'],
    { client, secretId }: GrantRequest['client'],
    now: Date,
  ): GrantOutcome {
    if (client.type !== 'confidential') {
      const description = 'Only confidential apps may use client_credentials.';
      return { ok: false, error: oauthError('unauthorized_client', description) };
    }
    const grant = resolveGrant(client.applicationScopes, form.get('scope'), form.get('resource'));
    if (!grant.ok) return { ok: false, error: grant.error };
    const claims = appTokenClaims({
      issuer: this.config.ISSUER,
      clientId: client.clientId,
      grant: grant.value,
      issuedAt: now,
      ttlSeconds: accessTokenTtlSeconds(client, this.config.ACCESS_TOKEN_TTL_SECONDS),
    });
    return {
      ok: true,
      claims,
      events: [tokenIssued(claims, this.grantType, secretId)],
    };
  }
}
