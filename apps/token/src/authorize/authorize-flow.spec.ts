import { SIGN_IN_FAILED } from './login-form';
import { alertTextOf, formOf } from './testing/html-inspection';
import {
  ada,
  CHALLENGE,
  flowHarness,
  htmlOf,
  ISSUER,
  locationOf,
  meta,
} from './testing/flow-harness';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('authorization flow (login, consent, answer)', () => {
  let h = flowHarness();
  beforeEach(() => {
    h = flowHarness();
  });

  async function signedIn() {
    const login = htmlOf(h.browse(await h.flow.start(h.query(), NOW)));
    const form = new URLSearchParams({
      ...formOf(login).hidden,
      username: 'ada',
      password: 'correct horse',
    });
    const consent = h.browse(await h.flow.signIn(h.cookie(), form, meta, NOW));
    expect(locationOf(consent).pathname).toBe('/oauth/authorize/consent');
    return htmlOf(h.browse(await h.flow.showConsent(h.cookie(), NOW)));
  }

  it('shows the login page for a valid request, naming the app, and sets the interaction cookie', async () => {
    const response = h.browse(await h.flow.start(h.query(), NOW));
    expect(response).toMatchObject({ kind: 'page', status: 200 });
    expect(htmlOf(response)).toContain(h.client.name);
    expect(response.setCookie).toMatch(
      /^extapps_authorize=[A-Za-z0-9_-]{43}; Path=\/oauth\/authorize; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it('walks login and consent to a code bound to the request, with state and iss', async () => {
    const consent = await signedIn();
    expect(consent).toContain('Read jobs');
    const allow = new URLSearchParams({ ...formOf(consent).hidden, decision: 'allow' });
    const location = locationOf(h.browse(await h.flow.decide(h.cookie(), allow, meta, NOW)));
    const [issued] = h.codes.issued;
    expect(Object.fromEntries(location.searchParams)).toEqual({
      code: issued.code,
      state: 'st-1',
      iss: ISSUER,
    });
    expect(issued.approval).toEqual({
      clientId: h.client.clientId,
      redirectUri: h.client.redirectUris[0],
      userId: ada.userId,
      scopes: ['OR.Jobs.Read'],
      audience: 'OrchestratorApi',
      offlineAccess: true,
      codeChallenge: CHALLENGE,
    });
    expect(h.events.ofType('ConsentGranted')).toEqual([
      expect.objectContaining({
        streamId: h.client.clientId,
        actor: {
          type: 'user',
          id: ada.userId,
          displayName: ada.displayName,
          ip: meta.ip,
          userAgent: meta.userAgent,
        },
        data: {
          userId: ada.userId,
          clientId: h.client.clientId,
          scope: 'OR.Jobs.Read offline_access',
          audience: ['OrchestratorApi'],
        },
      }),
    ]);
    expect(h.cookie()).toBeUndefined();
  });

  it('answers access_denied on Deny, with no consent recorded and no code', async () => {
    const consent = await signedIn();
    const deny = new URLSearchParams({ ...formOf(consent).hidden, decision: 'deny' });
    const location = locationOf(await h.flow.decide(h.cookie(), deny, meta, NOW));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('iss')).toBe(ISSUER);
    expect(h.codes.issued).toHaveLength(0);
    expect(h.events.ofType('ConsentGranted')).toHaveLength(0);
  });

  it('shows one message for a failed sign-in and keeps the username', async () => {
    const login = htmlOf(h.browse(await h.flow.start(h.query(), NOW)));
    const form = new URLSearchParams({
      ...formOf(login).hidden,
      username: 'ada',
      password: 'wrong',
    });
    const again = htmlOf(await h.flow.signIn(h.cookie(), form, meta, NOW));
    expect(alertTextOf(again)).toBe(SIGN_IN_FAILED);
    expect(again).toContain('value="ada"');
    expect(h.users.attempts).toEqual([{ username: 'ada', clientId: h.client.clientId, meta }]);
  });

  it('gives the interaction a new id once signed in (no session fixation)', async () => {
    const login = htmlOf(h.browse(await h.flow.start(h.query(), NOW)));
    const before = h.cookie();
    const form = new URLSearchParams({
      ...formOf(login).hidden,
      username: 'ada',
      password: 'correct horse',
    });
    h.browse(await h.flow.signIn(before, form, meta, NOW));
    expect(h.cookie()).not.toBe(before);
    expect(await h.flow.showConsent(before, NOW)).toMatchObject({ kind: 'page', status: 400 });
  });

  it('refuses a form post without the CSRF token of the interaction', async () => {
    h.browse(await h.flow.start(h.query(), NOW));
    const form = new URLSearchParams({
      csrf_token: 'forged',
      username: 'ada',
      password: 'correct horse',
    });
    expect(await h.flow.signIn(h.cookie(), form, meta, NOW)).toMatchObject({
      kind: 'page',
      status: 403,
    });
    expect(h.users.attempts).toHaveLength(0);
  });

  it('ends an interaction after its time-to-live, by the injected clock', async () => {
    const consent = await signedIn();
    const allow = new URLSearchParams({ ...formOf(consent).hidden, decision: 'allow' });
    expect(await h.flow.decide(h.cookie(), allow, meta, later(600))).toMatchObject({
      kind: 'page',
      status: 400,
    });
    expect(h.codes.issued).toHaveLength(0);
  });

  it('completes a consent once: the same form posted twice gets one code', async () => {
    const consent = await signedIn();
    const allow = new URLSearchParams({ ...formOf(consent).hidden, decision: 'allow' });
    const id = h.cookie();
    await h.flow.decide(id, allow, meta, NOW);
    expect(await h.flow.decide(id, allow, meta, NOW)).toMatchObject({ kind: 'page', status: 400 });
    expect(h.codes.issued).toHaveLength(1);
  });

  it('shows the error page, not a redirect, when the app is disabled between the steps', async () => {
    const consent = await signedIn();
    h.clients.put({ ...h.client, status: 'disabled' });
    try {
      const allow = new URLSearchParams({ ...formOf(consent).hidden, decision: 'allow' });
      expect(await h.flow.decide(h.cookie(), allow, meta, NOW)).toMatchObject({
        kind: 'page',
        status: 400,
      });
      expect(h.codes.issued).toHaveLength(0);
    } finally {
      h.clients.put(h.client);
    }
  });

  it('answers 503 until the client table is ready', async () => {
    h.clients.ready = false;
    try {
      expect(await h.flow.start(h.query(), NOW)).toMatchObject({
        kind: 'page',
        status: 503,
        retryAfterSeconds: 1,
      });
    } finally {
      h.clients.ready = true;
    }
  });
});
