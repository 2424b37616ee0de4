import { eventually } from '@extapps/testing';
import { BaseClient, generators, Issuer } from 'openid-client';
import {
  AUTHORIZATION_CODE_ISSUER,
  AuthorizationCodeIssuer,
} from '../../authorize/authorization-codes';
import { readTokenTopic, TokenTopic } from '../../events/testing/events-e2e';
import { AppStream, appsRead, jobsRead, newSecret } from '../../testing/app-events';
import { clientCredentials, E2E_ISSUER, useTokenService } from '../../testing/token-e2e';

export const WEB_REDIRECT = 'https://web.example/callback';
export const NATIVE_REDIRECT = 'http://127.0.0.1/callback';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The body exactly as sent. */
  readonly text: string;
}

/**
 * useTokenService (`robot`, `admin` confidential; `desktop` non-confidential) plus `web`, a
 * confidential app with a user scope and a redirect URI, so that it holds refresh tokens of its
 * own; the token topic read back; openid-client clients; user tokens from codes the service's
 * own issuer hands out (as the login and consent pages do). Registers beforeAll/afterAll.
 */
export function useTokenStateService() {
  const t = useTokenService();
  const web = { app: new AppStream(), secret: newSecret() };
  let topic: TokenTopic | undefined;
  let issuer: Issuer | undefined;

  beforeAll(async () => {
    topic = await readTokenTopic(String(process.env['KAFKA_BROKERS']).split(','));
    const scopes = { userScopes: [], applicationScopes: [appsRead] };
    await t.events.publish(
      web.app.registeredConfidential(web.secret, [appsRead]),
      web.app.scopesChanged(scopes, { ...scopes, userScopes: [jobsRead] }),
      web.app.redirectUrisChanged([], [WEB_REDIRECT]),
    );
    const basic = [web.app.appId, web.secret.plaintext] as const;
    await eventually(async () =>
      expect((await t.token({ form: clientCredentials, basic })).status).toBe(200),
    );
    issuer = new Issuer(reachable(await t.getJson('/.well-known/oauth-authorization-server')));
  });
  afterAll(async () => {
    await topic?.stop();
  });

  /** The metadata with its endpoints on the test server: as if E2E_ISSUER resolved to it. */
  const reachable = (metadata: unknown) => {
    const text = JSON.stringify(metadata).replaceAll(`"${E2E_ISSUER}/`, `"${t.service().baseUrl}/`);
    return { ...(JSON.parse(text) as Record<string, unknown>), issuer: E2E_ISSUER };
  };
  const openidIssuer = () => {
    if (!issuer) throw new Error('not started');
    return issuer;
  };

  return {
    ...t,
    web,
    /** What is on extapps.token.events.v1 so far. */
    tokenEvents: () => topic?.events() ?? [],
    /** An openid-client client of a confidential app (client_secret_basic) or a public one. */
    client: (clientId: string, secret?: string): BaseClient =>
      new (openidIssuer().Client)(
        secret === undefined
          ? { client_id: clientId, token_endpoint_auth_method: 'none' }
          : { client_id: clientId, client_secret: secret },
      ),
    /** POSTs a form to `path` as is, with Basic credentials when given. */
    post: async (path: string, form: Record<string, string>, basic?: readonly [string, string]) => {
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
      };
      if (basic)
        headers['authorization'] = `Basic ${Buffer.from(basic.join(':')).toString('base64')}`;
      const body = new URLSearchParams(form).toString();
      const response = await fetch(`${t.service().baseUrl}${path}`, {
        method: 'POST',
        headers,
        body,
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    /** An access token of a confidential app from client_credentials. */
    appToken: async (appId: string, secret: string, scope?: string): Promise<string> => {
      const form = scope === undefined ? clientCredentials : { ...clientCredentials, scope };
      const answer = await t.token({ form, basic: [appId, secret] });
      if (answer.status !== 200) throw new Error(`no token: ${JSON.stringify(answer.body)}`);
      return String(answer.body['access_token']);
    },
    /** Access and refresh token of `desktop` (PKCE) or `web` (Basic) for user-e2e. */
    userTokens: async (app: 'desktop' | 'web') => {
      const codes = t.service().app.get<AuthorizationCodeIssuer>(AUTHORIZATION_CODE_ISSUER);
      const verifier = generators.codeVerifier();
      const isWeb = app === 'web';
      const clientId = isWeb ? web.app.appId : t.desktop.app.appId;
      const redirectUri = isWeb ? WEB_REDIRECT : NATIVE_REDIRECT;
      const approval = {
        clientId,
        redirectUri,
        userId: 'user-e2e',
        scopes: ['OR.Jobs.Read'],
        audience: 'OrchestratorApi',
        offlineAccess: true,
        codeChallenge: generators.codeChallenge(verifier),
      };
      const code = await codes.issue(approval, t.clock.now());
      const form = {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      };
      const answer = isWeb
        ? await t.token({ form, basic: [clientId, web.secret.plaintext] })
        : await t.token({ form: { ...form, client_id: clientId } });
      if (answer.status !== 200) throw new Error(`code exchange: ${JSON.stringify(answer.body)}`);
      return {
        accessToken: String(answer.body['access_token']),
        refreshToken: String(answer.body['refresh_token']),
      };
    },
  };
}
