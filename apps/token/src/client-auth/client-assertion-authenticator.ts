import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Logger } from 'pino';
import { Client } from '../clients/client';
import { TokenConfig } from '../config';
import { TOKEN_PATH } from '../discovery/metadata';
import { Authentication, AuthenticationFailure } from '../token-endpoint/client-authentication';
import { verifyClientAssertion } from './client-assertion';
import { PresentedAssertion } from './client-assertion-presentation';
import { CLIENT_ASSERTION_REPLAY, ClientAssertionReplay } from './client-assertion-replay';

const refused = (reason: AuthenticationFailure): Authentication => ({ ok: false, reason });

/**
 * `private_key_jwt` (RFC 7523 §2.2, §3): a confidential app that registered a JWKS proves itself
 * with an assertion signed by one of its keys, good for one use. Every failed rule is
 * `invalid-assertion` (the log line says which); an app without usable keys is `no-keys`.
 */
@Injectable()
export class ClientAssertionAuthenticator {
  /** RFC 7523 §3: the token endpoint URL identifies us; the issuer is accepted too (OIDC core). */
  private readonly audiences: readonly string[];

  constructor(
    @Inject(SERVICE_CONFIG) config: TokenConfig,
    @Inject(CLIENT_ASSERTION_REPLAY) private readonly replay: ClientAssertionReplay,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.audiences = [`${config.ISSUER}${TOKEN_PATH}`, config.ISSUER];
  }

  async authenticate(
    presented: PresentedAssertion,
    client: Client | undefined,
    now: Date,
  ): Promise<Authentication> {
    if (!client) return refused('unknown-client');
    if (client.status === 'deleted') return refused('deleted');
    // Registration gives keys to confidential apps only; a key set is worth nothing otherwise.
    const { jwks } = client;
    if (client.type !== 'confidential' || !jwks || jwks.keys.length === 0)
      return refused('no-keys');
    const { clientId } = client;
    const check = await verifyClientAssertion(presented.assertion, {
      clientId,
      jwks,
      audiences: this.audiences,
      now,
    });
    if (!check.ok) return this.invalid(clientId, check.problem);
    // Claimed only once verified, so forged assertions cannot fill the store.
    if ((await this.replay.claim(clientId, check.jti, check.usableUntil)) === 'replayed')
      return this.invalid(clientId, 'jti was used before (replay)');
    // As with secrets, a disabled app is told apart only once it proved who it is.
    if (client.status === 'disabled') return refused('disabled');
    return { ok: true, client, secretId: null };
  }

  private invalid(clientId: string, problem: string): Authentication {
    this.logger.info({ clientId, problem }, 'client assertion refused');
    return refused('invalid-assertion');
  }
}
