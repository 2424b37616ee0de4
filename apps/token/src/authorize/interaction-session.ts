import { Logger } from 'pino';
import { Client } from '../clients/client';
import { ClientLookup } from '../clients/client-catalog';
import { AuthorizationRequest, RequestCheck } from './authorization-request';
import { AuthorizationOutcome, authorizationResponseUri } from './authorization-response';
import { AuthorizeSettings } from './authorize-settings';
import {
  expiredResponse,
  FlowResponse,
  forgedFormResponse,
  notReadyResponse,
  redirectResponse,
  untrustedResponse,
} from './flow-responses';
import { csrfTokenMatches, Interaction, InteractionStore } from './interactions/interaction';
import { clearedInteractionCookie, interactionCookie } from './interactions/interaction-cookie';
import { checkAuthorizationRequest } from './request-validation';

/** An interaction found for the browser's cookie, with its request checked again. */
export interface Resumed {
  readonly kind: 'resumed';
  readonly id: string;
  readonly interaction: Interaction;
  readonly client: Client;
  readonly request: AuthorizationRequest;
}

export type Resumption = Resumed | { readonly kind: 'response'; readonly response: FlowResponse };

const respond = (response: FlowResponse): Resumption => ({ kind: 'response', response });

/** Interactions as the browser carries them: cookies, expiry, and resuming one at each step. */
export class InteractionSessions {
  readonly clearCookie: string;

  constructor(
    readonly settings: AuthorizeSettings,
    private readonly clients: ClientLookup,
    readonly store: InteractionStore,
    private readonly logger: Logger,
  ) {
    this.clearCookie = clearedInteractionCookie(settings.cookie);
  }

  cookie(id: string): string {
    return interactionCookie(id, this.settings.cookie, this.settings.interactionTtlSeconds);
  }

  expiry(now: Date): Date {
    return new Date(now.getTime() + this.settings.interactionTtlSeconds * 1000);
  }

  /**
   * The interaction of cookie `id`; for a form post (`form` given) only with its CSRF token.
   * The stored request is checked again: the app may have been disabled, or its redirect URIs
   * or scopes changed, since the request came in; the interaction then ends with the refusal.
   */
  async resume(
    id: string | undefined,
    form: URLSearchParams | null,
    now: Date,
  ): Promise<Resumption> {
    const interaction = id === undefined ? null : await this.store.find(id, now);
    if (id === undefined || interaction === null) return respond(expiredResponse(this.clearCookie));
    if (form !== null && !csrfTokenMatches(interaction.csrfToken, form.get('csrf_token')))
      return respond(forgedFormResponse());
    if (!this.clients.ready) return respond(notReadyResponse());
    const check = checkAuthorizationRequest(new URLSearchParams(interaction.query), this.clients);
    if (check.kind === 'valid') {
      const { client, request } = check;
      return { kind: 'resumed', id, interaction, client, request };
    }
    await this.store.end(id);
    return respond(this.refusal(check, this.clearCookie));
  }

  /** A request that cannot go on: the error page when untrusted, else back to the app. */
  refusal(check: Exclude<RequestCheck, { kind: 'valid' }>, setCookie?: string): FlowResponse {
    if (check.kind === 'untrusted') {
      this.logger.warn(
        { reason: check.reason, clientId: check.clientId },
        'authorization request refused',
      );
      return untrustedResponse(check.reason, setCookie);
    }
    const { client, redirectUri, state, error } = check;
    this.logger.info(
      { clientId: client.clientId, error: error.error },
      'authorization request refused',
    );
    const location = authorizationResponseUri(redirectUri, this.settings.issuer, state, { error });
    return redirectResponse(location, setCookie);
  }

  /** The authorization response for a request that was checked; the cookie is cleared. */
  answer(request: AuthorizationRequest, outcome: AuthorizationOutcome): FlowResponse {
    const { redirectUri, state } = request;
    const location = authorizationResponseUri(redirectUri, this.settings.issuer, state, outcome);
    return redirectResponse(location, this.clearCookie);
  }
}
