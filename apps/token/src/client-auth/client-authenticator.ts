import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import { TOKEN_EVENT_SINK, TokenEventSink } from '../events/token-event-sink';
import { AuthenticatedClient, RequestMeta } from '../grants/grant-handler';
import {
  authenticateClient,
  AuthenticationFailure,
  PresentedClient,
  presentedClient,
} from '../token-endpoint/client-authentication';
import { FormParams } from '../token-endpoint/form';
import { failure, Outcome, success } from '../token-endpoint/oauth-error';

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
  ) {}

  async authenticate(
    credentials: ClientCredentials,
    endpoint: AuthenticatingEndpoint,
    meta: RequestMeta,
    now: Date,
  ): Promise<Outcome<AuthenticatedClient>> {
    const presented = presentedClient(credentials.authorization, credentials.form);
    if (!presented.ok) return presented;
    const result = authenticateClient(
      presented.value,
      this.clients.find(presented.value.clientId),
      now,
    );
    if (result.ok) {
      const { client, secretId } = result;
      return success({ client, method: presented.value.method, secretId });
    }
    await this.refused(presented.value, result.reason, endpoint, meta, now);
    return failure('invalid_client', 'Client authentication failed.');
  }

  private async refused(
    presented: PresentedClient,
    reason: AuthenticationFailure,
    endpoint: AuthenticatingEndpoint,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    // An unknown client id may be a pasted secret: it is neither logged nor recorded.
    const clientId = reason === 'unknown-client' ? null : presented.clientId;
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
