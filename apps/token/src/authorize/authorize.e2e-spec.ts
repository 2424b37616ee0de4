import { eventually } from '@extapps/testing';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { generators, Issuer } from 'openid-client';
import { SIGN_IN_FAILED } from './login-form';
import { DESKTOP_REDIRECT, useAuthorizeService, WEB_REDIRECT } from './testing/authorize-e2e';
import { Browser, Visit } from './testing/browser';
import { alertTextOf, formOf } from './testing/html-inspection';

describe('authorization endpoint through HTTP: login and consent pages (real Kafka and MongoDB)', () => {
  const t = useAuthorizeService();

  /** A real OAuth client of the desktop app (no secret, PKCE), configured from the metadata. */
  async function desktopClient() {
    const issuer = await Issuer.discover(t.issuer());
    return new issuer.Client({
      client_id: t.desktop.appId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [DESKTOP_REDIRECT],
      response_types: ['code'],
    });
  }

  /** Signs in on the login page of `start` (an authorize URL) and returns the consent page. */
  async function signIn(browser: Browser, start: string): Promise<Visit> {
    const login = await browser.get(start);
    expect(login.status).toBe(200);
    const form = formOf(login.body);
    const { username, password } = t.user();
    const posted = await browser.post(form.action, { ...form.hidden, username, password });
    expect(posted).toMatchObject({
      status: 303,
      location: `${t.issuer()}/oauth/authorize/consent`,
    });
    const consent = await browser.get(posted.location ?? '');
    expect(consent.status).toBe(200);
    return consent;
  }

  const decide = (browser: Browser, consent: Visit, decision: 'allow' | 'deny') => {
    const form = formOf(consent.body);
    return browser.post(form.action, { ...form.hidden, decision });
  };

  const authorizeUrl = (params: Record<string, string>) =>
    `${t.issuer()}/oauth/authorize?${new URLSearchParams(params).toString()}`;

  const webRequest = (extra: Record<string, string> = {}) =>
    authorizeUrl({
      response_type: 'code',
      client_id: t.web.app.appId,
      redirect_uri: WEB_REDIRECT,
      scope: 'OR.Jobs.Read',
      state: 'st-web',
      ...extra,
    });

  const paramsOf = (visit: Visit) => Object.fromEntries(new URL(visit.location ?? '').searchParams);

  it('walks login and consent to a code that openid-client exchanges for a user token', async () => {
    const client = await desktopClient();
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const start = client.authorizationUrl({
      scope: 'OR.Jobs.Read offline_access',
      state,
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const browser = new Browser(t.issuer());
    const consent = await signIn(browser, start);
    expect(consent.body).toContain('Read jobs');
    expect(consent.body).toContain('Ada &lt;Lovelace&gt;');
    const answer = await decide(browser, consent, 'allow');
    expect(answer.status).toBe(303);
    expect(answer.location?.startsWith(`${DESKTOP_REDIRECT}?`)).toBe(true);
    expect(paramsOf(answer)).toEqual({ code: expect.any(String), state, iss: t.issuer() });
    expect(browser.cookieNames()).toEqual([]);

    const params = client.callbackParams(answer.location ?? '');
    const tokens = await client.oauthCallback(DESKTOP_REDIRECT, params, {
      code_verifier: verifier,
      state,
    });
    const jwks = createRemoteJWKSet(new URL(`${t.issuer()}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(tokens.access_token ?? '', jwks, {
      issuer: t.issuer(),
      audience: 'OrchestratorApi',
      currentDate: t.clock.now(),
    });
    expect(payload).toMatchObject({
      sub: t.user().userId,
      sub_type: 'user',
      client_id: t.desktop.appId,
      scope: 'OR.Jobs.Read',
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const { userId } = t.user();
    await eventually(() => {
      expect(t.eventsOf(userId)).toContainEqual(
        expect.objectContaining({
          type: 'UserSignedIn',
          data: expect.objectContaining({ clientId: t.desktop.appId }),
        }),
      );
      expect(t.eventsOf(t.desktop.appId)).toContainEqual(
        expect.objectContaining({
          type: 'ConsentGranted',
          actor: expect.objectContaining({ type: 'user', id: userId }),
          data: {
            userId,
            clientId: t.desktop.appId,
            scope: 'OR.Jobs.Read offline_access',
            audience: ['OrchestratorApi'],
          },
        }),
      );
    });
  });

  it('sends every page and redirect uncached, unframable and without a referrer', async () => {
    const page = await new Browser(t.issuer()).get(webRequest());
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/; Path=\/oauth\/authorize; Max-Age=600; HttpOnly; SameSite=Lax$/);
    const redirect = await new Browser(t.issuer()).get(webRequest({ response_type: 'token' }));
    expect(redirect.headers.get('cache-control')).toBe('no-store');
  });

  it('shows one message for a wrong password and records UserSignInFailed', async () => {
    const browser = new Browser(t.issuer());
    const login = await browser.get(webRequest());
    const form = formOf(login.body);
    const again = await browser.post(form.action, {
      ...form.hidden,
      username: t.user().username,
      password: 'not-the-password',
    });
    expect(again.status).toBe(200);
    expect(alertTextOf(again.body)).toBe(SIGN_IN_FAILED);
    await eventually(() =>
      expect(t.eventsOf(t.user().userId)).toContainEqual(
        expect.objectContaining({
          type: 'UserSignInFailed',
          data: { userId: t.user().userId, clientId: t.web.app.appId, reason: 'wrong-password' },
        }),
      ),
    );
  });

  it('answers access_denied with state and iss when the user denies, and grants nothing', async () => {
    const browser = new Browser(t.issuer());
    const consent = await signIn(browser, webRequest({ state: 'st-deny' }));
    const answer = await decide(browser, consent, 'deny');
    expect(answer.status).toBe(303);
    expect(paramsOf(answer)).toEqual({
      error: 'access_denied',
      error_description: expect.any(String),
      state: 'st-deny',
      iss: t.issuer(),
    });
    await eventually(() =>
      expect(
        t.eventsOf(t.user().userId).filter((e) => e.type === 'UserSignedIn').length,
      ).toBeGreaterThan(0),
    );
    expect(t.eventsOf(t.web.app.appId).filter((e) => e.type === 'ConsentGranted')).toEqual([]);
  });

  it('refuses a form post without the page CSRF token', async () => {
    const browser = new Browser(t.issuer());
    const login = await browser.get(webRequest());
    const { action } = formOf(login.body);
    const forged = await browser.post(action, {
      csrf_token: 'forged',
      username: t.user().username,
      password: 'x',
    });
    expect(forged.status).toBe(403);
  });
});
