import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { AuthenticatingEndpoint, ClientAuthenticator } from '../client-auth/client-authenticator';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import { AuthenticatedClient, RequestMeta } from '../grants/grant-handler';
import { failure, Outcome, success } from '../token-endpoint/oauth-error';
import { formOf } from '../token-endpoint/token-request';
import { CLOCK } from '../tokens';
import { TokenTypeHint, tokenTypeHintOf } from './token-finder';

/** A request to the introspection or revocation endpoint, as it arrived. */
export interface TokenCall {
  /** The parsed body: URLSearchParams for a form. */
  readonly body: unknown;
  readonly authorization: string | undefined;
  readonly meta: RequestMeta;
}

/** An authenticated caller and the token it asks about. */
export interface AuthenticatedTokenCall {
  readonly caller: AuthenticatedClient;
  readonly token: string;
  readonly hint: TokenTypeHint | undefined;
  readonly now: Date;
}

export interface TokenCallRules {
  readonly endpoint: AuthenticatingEndpoint;
  /** Refuse apps identified by client id alone (`none`) as `invalid_client`. */
  readonly confidentialOnly: boolean;
}

/**
 * What the introspection and revocation endpoints check first, in order: the client table has
 * caught up (a secret revoked before this instance started must not pass), the form, the client
 * (before anything about the token, so an unauthenticated caller learns nothing), then `token`.
 */
@Injectable()
export class TokenCallReader {
  constructor(
    @Inject(ClientCatalog) private readonly clients: ClientLookup,
    private readonly authenticator: ClientAuthenticator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(call: TokenCall, rules: TokenCallRules): Promise<Outcome<AuthenticatedTokenCall>> {
    if (!this.clients.ready)
      return failure('temporarily_unavailable', 'The token service is starting; retry shortly.');
    const now = this.clock.now();
    const form = formOf(call.body);
    if (!form.ok) return form;
    const { authorization, meta } = call;
    const caller = await this.authenticator.authenticate(
      { authorization, form: form.value },
      rules.endpoint,
      meta,
      now,
    );
    if (!caller.ok) return caller;
    if (rules.confidentialOnly && caller.value.method === 'none')
      return failure('invalid_client', 'Client authentication failed.');
    const token = form.value.get('token');
    if (token === undefined) return failure('invalid_request', 'token is required.');
    const hint = tokenTypeHintOf(form.value.get('token_type_hint'));
    return success({ caller: caller.value, token, hint, now });
  }
}
