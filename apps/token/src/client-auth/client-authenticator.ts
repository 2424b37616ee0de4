import { Inject, Injectable, Optional } from '@nestjs/common';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import { TOKEN_EVENT_SINK, TokenEventSink } from '../events/token-event-sink';
import { AuthenticatedClient, RequestMeta } from '../grants/grant-handler';
import {
  authenticateClient,
  Authentication,
  AuthenticationFailure,
  Presentation,
  presentedClient,
} from '../token-endpoint/client-authentication';
import { FormParams } from '../token-endpoint/form';
import { failure, Outcome, success } from '../token-endpoint/oauth-error';
import { ClientAuthThrottle } from './client-auth-throttle';
import { ClientAssertionAuthenticator } from './client-assertion-authenticator';

/** The endpoints where clients authenticate; named in ClientAuthenticationFailed. */
export type AuthenticatingEndpoint = 'token' | 'introspection' | 'revocation';

export interface ClientCredentials {
  readonly authorization: string | undefined;
  readonly form: FormParams;
}

/**
 * Client authentication for every endpoint that needs it (RFC 6749 §2.3): one method per request,
 * checked against the in-memory client table. Every failure answers the same `invalid_client`;
 * why it failed goes to the log and to a ClientAuthenticationFailed event, recorded before the
 * answer is sent.
 */
@Injectable()
export class ClientAuthenticator {
  constructor(
    @Inject(ClientCatalog) private readonly clients: ClientLookup,
    @Inject(TOKEN_EVENT_SINK) private readonly events: TokenEventSink,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(ClientAuthThrottle)
    private readonly throttle: ClientAuthThrottle = new ClientAuthThrottle(),
    // Optional only for unit tests built without private_key_jwt; the app module provides it.
    @Optional()
    @Inject(ClientAssertionAuthenticator)
    private readonly assertions?: ClientAssertionAuthenticator,
  ) {}

  async authenticate(
    credentials: ClientCredentials,
    endpoint: AuthenticatingEndpoint,
    meta: RequestMeta,
    now: Date,
  ): Promise<Outcome<AuthenticatedClient>> {
    const presented = presentedClient(credentials.authorization, credentials.form);
    if (!presented.ok) return presented;
    const { clientId } = presented.value;
    if (this.throttle.isThrottled(clientId, meta.ip, now)) {
      await this.refused(presented.value, 'throttled', endpoint, meta, now);
      return failure('invalid_client', 'Client authentication failed.');
    }
    const result = await this.check(presented.value, now);
    if (result.ok) {
      const { client, secretId } = result;
      // `none` proves nothing, so it earns no exemption from the per-client limit.
      if (presented.value.method !== 'none') this.throttle.succeeded(clientId, meta.ip, now);
      return success({ client, method: presented.value.method, secretId });
    }
    this.throttle.failed(clientId, meta.ip, now);
    await this.refused(presented.value, result.reason, endpoint, meta, now);
    return failure('invalid_client', 'Client authentication failed.');
  }

  private async check(presented: Presentation, now: Date): Promise<Authentication> {
    const client = this.clients.find(presented.clientId);
    if (presented.method !== 'private_key_jwt') return authenticateClient(presented, client, now);
    if (!this.assertions) return { ok: false, reason: 'invalid-assertion' };
    return this.assertions.authenticate(presented, client, now);
  }

  private async refused(
    presented: Presentation,
    reason: AuthenticationFailure | 'throttled',
    endpoint: AuthenticatingEndpoint,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    // An unknown client id may be a pasted secret: it is neither logged nor recorded. A throttled
    // one was not looked up for its credentials, so the table says whether it is known.
    const unknown =
      reason === 'unknown-client' ||
      (reason === 'throttled' && this.clients.find(presented.clientId) === undefined);
    const clientId = unknown ? null : presented.clientId;
    const { method } = presented;
    this.logger.info({ reason, method, clientId, endpoint }, 'client authentication failed');
    const streamId = clientId ?? 'unknown-client';
    await this.events.record(
      [
        {
          streamId,
          payload: {
            type: 'ClientAuthenticationFailed',
            data: { clientId, method, reason, endpoint },
          },
        },
      ],
      {
        actor: { type: 'app', id: streamId, ip: meta.ip, ...userAgentOf(meta) },
        correlationId: meta.correlationId,
        occurredAt: now,
      },
    );
  }
}

const userAgentOf = (meta: RequestMeta) =>
  meta.userAgent === undefined ? {} : { userAgent: meta.userAgent.slice(0, 512) };
