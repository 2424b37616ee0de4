import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { ClientAuthenticator } from '../client-auth/client-authenticator';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import {
  TOKEN_EVENT_SINK,
  TokenEventRecord,
  TokenEventSink,
  TokenEventsUnavailable,
} from '../events/token-event-sink';
import {
  AuthenticatedClient,
  GRANT_HANDLERS,
  GrantHandler,
  RequestMeta,
} from '../grants/grant-handler';
import { SigningKeys } from '../keys/signing-keys';
import { CLOCK } from '../tokens';
import { oauthError } from './oauth-error';
import { formOf, grantTypeOf, Refusal, TokenRequest } from './token-request';

/** RFC 6749 §5.1 successful response. */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
  readonly refresh_token?: string;
}

export type TokenOutcome =
  | { readonly ok: true; readonly response: TokenResponse }
  | { readonly ok: false; readonly refusal: Refusal };

/** Seconds a client should wait while the client table is still loading. */
export const NOT_READY_RETRY_AFTER_SECONDS = 1;

const EVENTS_UNAVAILABLE = oauthError(
  'temporarily_unavailable',
  'The token service cannot record requests right now; retry shortly.',
);

/**
 * The token endpoint: form, grant type, client authentication, then the grant's own handler.
 * Events of the request are durable before the answer leaves (TokenEventSink).
 */
@Injectable()
export class TokenService {
  private readonly grants: ReadonlyMap<string, GrantHandler>;

  constructor(
    @Inject(ClientCatalog) private readonly clients: ClientLookup,
    private readonly clientAuthenticator: ClientAuthenticator,
    @Inject(GRANT_HANDLERS) grants: readonly GrantHandler[],
    private readonly keys: SigningKeys,
    @Inject(TOKEN_EVENT_SINK) private readonly events: TokenEventSink,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.grants = new Map(grants.map((g) => [g.grantType, g]));
  }

  get supportedGrantTypes(): string[] {
    return [...this.grants.keys()];
  }

  async issue(request: TokenRequest): Promise<TokenOutcome> {
    // Before catch-up the table may still hold a secret whose revocation is yet to be read.
    if (!this.clients.ready) {
      const error = oauthError(
        'temporarily_unavailable',
        'The token service is starting; retry shortly.',
      );
      return { ok: false, refusal: { error } };
    }
    try {
      return await this.handle(request);
    } catch (error) {
      // The request's events could not be made durable: no answer, least of all a token, may
      // leave without them (TokenEventSink).
      if (!(error instanceof TokenEventsUnavailable)) throw error;
      this.logger.warn({ reason: error.message }, 'token request refused: events not recorded');
      return refuse(EVENTS_UNAVAILABLE);
    }
  }

  private async handle(request: TokenRequest): Promise<TokenOutcome> {
    const now = this.clock.now();
    const form = formOf(request.body);
    if (!form.ok) return refuse(form.error);
    const grantType = grantTypeOf(form.value, this.supportedGrantTypes);
    if (!grantType.ok) return refuse(grantType.error);
    const { authorization, meta } = request;
    const client = await this.clientAuthenticator.authenticate(
      { authorization, form: form.value },
      'token',
      meta,
      now,
    );
    if (!client.ok) return refuse(client.error);
    const handler = this.grants.get(grantType.value) as GrantHandler;
    const outcome = await handler.handle({ form: form.value, client: client.value, now, meta });
    if (!outcome.ok) {
      await this.record(outcome.events ?? [], client.value, meta, now);
      return refuse(outcome.error);
    }
    const accessToken = await this.keys.sign({ ...outcome.claims });
    await this.record(outcome.events, client.value, meta, now);
    const { claims } = outcome;
    this.logger.debug(
      { clientId: claims.client_id, aud: claims.aud, scope: claims.scope, jti: claims.jti },
      'access token issued',
    );
    const response: TokenResponse = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: claims.exp - claims.iat,
      scope: claims.scope,
    };
    return {
      ok: true,
      response: outcome.refreshToken
        ? { ...response, refresh_token: outcome.refreshToken }
        : response,
    };
  }

  private async record(
    events: readonly TokenEventRecord[],
    { client }: AuthenticatedClient,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    if (events.length === 0) return;
    const userAgent =
      meta.userAgent === undefined ? {} : { userAgent: meta.userAgent.slice(0, 512) };
    await this.events.record(events, {
      actor: { type: 'app', id: client.clientId, ip: meta.ip, ...userAgent },
      correlationId: meta.correlationId,
      occurredAt: now,
    });
  }
}

const refuse = (error: Refusal['error']): TokenOutcome => ({ ok: false, refusal: { error } });
