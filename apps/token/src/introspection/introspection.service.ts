import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Logger } from 'pino';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import { TokenConfig } from '../config';
import { failure, Outcome, success } from '../token-endpoint/oauth-error';
import { introspect, IntrospectionResponse } from './introspection.decider';
import { TokenCall, TokenCallReader } from './token-call';
import { TokenFinder } from './token-finder';

/**
 * RFC 7662 introspection for confidential apps (a resource server registers as one). Records no
 * event: looking at a token changes nothing; failed client authentication is recorded by the
 * authenticator.
 */
@Injectable()
export class IntrospectionService {
  constructor(
    private readonly reader: TokenCallReader,
    private readonly finder: TokenFinder,
    @Inject(ClientCatalog) private readonly clients: ClientLookup,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<TokenConfig, 'ISSUER'>,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async introspect(call: TokenCall): Promise<Outcome<IntrospectionResponse>> {
    try {
      const request = await this.reader.read(call, {
        endpoint: 'introspection',
        confidentialOnly: true,
      });
      if (!request.ok) return request;
      const { caller, token, hint, now } = request.value;
      const found = await this.finder.find(token, hint, now);
      return success(
        introspect(found, {
          callerId: caller.client.clientId,
          clientOf: (clientId) => this.clients.find(clientId),
          issuer: this.config.ISSUER,
        }),
      );
    } catch (err) {
      // A store or the event sink is away: saying "inactive" would be a guess, "active" worse.
      this.logger.error({ err }, 'introspection failed');
      return failure('temporarily_unavailable', 'Introspection is unavailable; retry shortly.');
    }
  }
}
