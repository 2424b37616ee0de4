import { DESKTOP_REDIRECT, useAuthorizeService, WEB_REDIRECT } from './testing/authorize-e2e';
import { Browser, Visit } from './testing/browser';

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('authorization endpoint refusals through HTTP (real Kafka and MongoDB)', () => {
  const t = useAuthorizeService();

  const visit = (params: Record<string, string>): Promise<Visit> =>
    new Browser(t.issuer()).get(`/oauth/authorize?${new URLSearchParams(params).toString()}`);

  const desktop = (extra: Record<string, string> = {}) => ({
    response_type: 'code',
    client_id: t.desktop.appId,
    redirect_uri: DESKTOP_REDIRECT,
    scope: 'OR.Jobs.Read',
    state: 'st-1',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  });

  /** An error page: 400 HTML, no redirect, no interaction started. */
  function expectErrorPage(answer: Visit) {
    expect(answer.status).toBe(400);
    expect(answer.location).toBeNull();
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('set-cookie')).toBeNull();
  }

  /** A redirect back to the app with `error`, the state and the issuer (RFC 9207). */
  function expectRedirectedError(answer: Visit, redirectUri: string, error: string) {
    expect(answer.status).toBe(303);
    expect(answer.location?.split('?')[0]).toBe(redirectUri);
    const params = Object.fromEntries(new URL(answer.location ?? '').searchParams);
    expect(params).toEqual({
      error,
      error_description: expect.any(String),
      state: 'st-1',
      iss: t.issuer(),
    });
  }

  it('shows the error page for an unknown client_id, never a redirect, and logs why', async () => {
    const answer = await visit(desktop({ client_id: 'no-such-app' }));
    expectErrorPage(answer);
    expect(answer.body).not.toContain('no-such-app');
    const refused = t.logs.lines().filter((l) => l['msg'] === 'authorization request refused');
    // The unknown id is not logged: a mistyped client_id may be a pasted secret.
    expect(refused).toContainEqual(expect.objectContaining({ reason: 'unknown-client' }));
    expect(JSON.stringify(refused)).not.toContain('no-such-app');
  });

  it('shows the error page for a disabled app', async () => {
    expectErrorPage(await visit(desktop({ client_id: t.off.appId })));
  });

  it('shows the error page for a redirect_uri that is not registered', async () => {
    expectErrorPage(await visit(desktop({ redirect_uri: 'https://evil.example/callback' })));
  });

  it('shows the error page for a redirect_uri that only almost matches', async () => {
    expectErrorPage(await visit(desktop({ redirect_uri: 'http://127.0.0.1/callback/' })));
  });

  it('shows the error page for a missing redirect_uri', async () => {
    const { redirect_uri: _omitted, ...rest } = desktop();
    expectErrorPage(await visit(rest));
  });

  it('shows the error page for client_id sent twice', async () => {
    const query = `${new URLSearchParams(desktop()).toString()}&client_id=${t.web.app.appId}`;
    expectErrorPage(await new Browser(t.issuer()).get(`/oauth/authorize?${query}`));
  });

  it('redirects response_type=token (implicit) back as unsupported_response_type', async () => {
    const answer = await visit(desktop({ response_type: 'token' }));
    expectRedirectedError(answer, DESKTOP_REDIRECT, 'unsupported_response_type');
  });

  it('redirects a non-confidential request without PKCE back as invalid_request', async () => {
    const { code_challenge: _c, code_challenge_method: _m, ...rest } = desktop();
    expectRedirectedError(await visit(rest), DESKTOP_REDIRECT, 'invalid_request');
  });

  it('redirects the plain PKCE method back as invalid_request', async () => {
    const answer = await visit(desktop({ code_challenge_method: 'plain' }));
    expectRedirectedError(answer, DESKTOP_REDIRECT, 'invalid_request');
  });

  it('redirects a scope the app does not hold back as invalid_scope', async () => {
    const answer = await visit(desktop({ scope: 'OR.Queues.Read' }));
    expectRedirectedError(answer, DESKTOP_REDIRECT, 'invalid_scope');
  });

  it('redirects an app without user scopes back as unauthorized_client', async () => {
    const answer = await visit({
      response_type: 'code',
      client_id: t.robot.app.appId,
      redirect_uri: WEB_REDIRECT,
      state: 'st-1',
    });
    expectRedirectedError(answer, WEB_REDIRECT, 'unauthorized_client');
  });

  it('answers the login page to a valid request on another loopback port (RFC 8252 §7.3)', async () => {
    const answer = await visit(desktop({ redirect_uri: 'http://127.0.0.1:50123/callback' }));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`Desktop ${t.desktop.appId}`);
  });
});
