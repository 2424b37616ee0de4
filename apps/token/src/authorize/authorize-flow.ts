import { Inject, Injectable } from '@nestjs/common';
import { ResourceCatalog } from '@extapps/contracts';
import { ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Logger } from 'pino';
import { ClientCatalog, ClientLookup } from '../clients/client-catalog';
import { TokenConfig } from '../config';
import {
  TOKEN_EVENT_SINK,
  TokenEventSink,
  TokenEventsUnavailable,
} from '../events/token-event-sink';
import { RequestMeta } from '../grants/grant-handler';
import { RESOURCE_CATALOG } from '../tokens';
import { SignedInUser, USER_SIGN_IN, UserSignIn } from '../users/user-sign-in';
import { AUTHORIZATION_CODE_ISSUER, AuthorizationCodeIssuer } from './authorization-codes';
import { AuthorizationRequest } from './authorization-request';
import { authorizeError } from './authorize-error';
import { authorizeSettings } from './authorize-settings';
import { approvalOf, consentGranted, userEventMeta } from './consent-records';
import { consentView } from './consent-view';
import {
  expiredResponse,
  FlowResponse,
  notReadyResponse,
  pageResponse,
  redirectResponse,
} from './flow-responses';
import { consentPage } from './html/consent-page';
import { INTERACTION_STORE, InteractionStore, randomToken } from './interactions/interaction';
import { InteractionSessions, Resumed } from './interaction-session';
import { loginPageFor, readLoginForm } from './login-form';
import { checkAuthorizationRequest } from './request-validation';

/**
 * The authorization endpoint's steps (RFC 6749 §4.1.1-4.1.2): check the request and show the
 * login page; sign the user in; show the consent page; answer the app with a code or an error.
 */
@Injectable()
export class AuthorizeFlow {
  private readonly sessions: InteractionSessions;

  constructor(
    @Inject(SERVICE_CONFIG) config: TokenConfig,
    @Inject(ClientCatalog) private readonly clients: ClientLookup,
    @Inject(RESOURCE_CATALOG) private readonly catalog: ResourceCatalog,
    @Inject(USER_SIGN_IN) private readonly users: UserSignIn,
    @Inject(AUTHORIZATION_CODE_ISSUER) private readonly codes: AuthorizationCodeIssuer,
    @Inject(TOKEN_EVENT_SINK) private readonly events: TokenEventSink,
    @Inject(INTERACTION_STORE) store: InteractionStore,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.sessions = new InteractionSessions(authorizeSettings(config), clients, store, logger);
  }

  /** `GET /oauth/authorize`: the login page, or the request's refusal. */
  async start(query: string, now: Date): Promise<FlowResponse> {
    if (!this.clients.ready) return notReadyResponse();
    const check = checkAuthorizationRequest(new URLSearchParams(query), this.clients);
    if (check.kind !== 'valid') return this.sessions.refusal(check);
    const { settings, store } = this.sessions;
    const csrfToken = randomToken();
    const interaction = { query, csrfToken, user: null, expiresAt: this.sessions.expiry(now) };
    const id = await store.start(interaction, now);
    const page = loginPageFor(settings, check.client, csrfToken);
    return pageResponse(200, page, this.sessions.cookie(id));
  }

  /** The login form's post: signed in, on to the consent page under a new interaction id. */
  async signIn(
    id: string | undefined,
    form: URLSearchParams,
    meta: RequestMeta,
    now: Date,
  ): Promise<FlowResponse> {
    const session = await this.sessions.resume(id, form, now);
    if (session.kind === 'response') return session.response;
    const { interaction, client } = session;
    const login = readLoginForm(form);
    const outcome = login.complete
      ? await this.users.signIn(login.username, login.password, client.clientId, meta, now)
      : null;
    const { settings, store } = this.sessions;
    if (!outcome?.ok) {
      const page = loginPageFor(settings, client, interaction.csrfToken, login);
      return pageResponse(200, page);
    }
    // A new id once signed in: an id planted in the browser beforehand (session fixation) is
    // worthless afterwards. The same form posted twice continues once.
    if (!(await store.end(session.id))) return expiredResponse(this.sessions.clearCookie);
    const signedIn = { ...interaction, csrfToken: randomToken(), user: outcome.user };
    const next = await store.start({ ...signedIn, expiresAt: this.sessions.expiry(now) }, now);
    return redirectResponse(settings.consentPath, this.sessions.cookie(next));
  }

  /** `GET .../consent`: the consent page (the login page again if nobody signed in yet). */
  async showConsent(id: string | undefined, now: Date): Promise<FlowResponse> {
    const session = await this.sessions.resume(id, null, now);
    if (session.kind === 'response') return session.response;
    return this.consentOrLogin(session, 200);
  }

  /** The consent form's post: Allow gives the app a code, Deny `access_denied`. */
  async decide(
    id: string | undefined,
    form: URLSearchParams,
    meta: RequestMeta,
    now: Date,
  ): Promise<FlowResponse> {
    const session = await this.sessions.resume(id, form, now);
    if (session.kind === 'response') return session.response;
    const decision = form.get('decision');
    const user = session.interaction.user;
    if (user === null || (decision !== 'allow' && decision !== 'deny'))
      return this.consentOrLogin(session, 400);
    // Whoever removes the interaction completes it; the same form posted twice gets nothing.
    if (!(await this.sessions.store.end(session.id)))
      return expiredResponse(this.sessions.clearCookie);
    if (decision === 'deny')
      return this.sessions.answer(session.request, {
        error: authorizeError('access_denied', 'The user denied the request.'),
      });
    return this.allow(session.request, user, meta, now);
  }

  private async allow(
    request: AuthorizationRequest,
    user: SignedInUser,
    meta: RequestMeta,
    now: Date,
  ): Promise<FlowResponse> {
    try {
      await this.events.record([consentGranted(request, user)], userEventMeta(user, meta, now));
    } catch (error) {
      if (!(error instanceof TokenEventsUnavailable)) throw error;
      return this.sessions.answer(request, {
        error: authorizeError('temporarily_unavailable', 'Try again in a moment.'),
      });
    }
    const code = await this.codes.issue(approvalOf(request, user), now);
    this.logger.info(
      { clientId: request.clientId, userId: user.userId },
      'authorization code issued',
    );
    return this.sessions.answer(request, { code });
  }

  private consentOrLogin(session: Resumed, status: number): FlowResponse {
    const { interaction, client, request } = session;
    const { csrfToken, user } = interaction;
    const { settings } = this.sessions;
    if (user === null) return pageResponse(status, loginPageFor(settings, client, csrfToken));
    const page = { appName: client.name, action: settings.consentPath, csrfToken };
    return pageResponse(status, consentPage(consentView(this.catalog, request, user, page)));
  }
}
