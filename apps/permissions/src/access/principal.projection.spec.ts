import { createEnvelope, Principal, TokenIssued, UserSignedIn } from '@extapps/contracts';
import { AccessEvents } from './testing/access-events';
import { givenIndex, VIEWER } from './testing/given-index';

const APP: Principal = { type: 'app', id: 'app-1' };
const USER: Principal = { type: 'user', id: 'user-1' };
const viewOn = (principal: Principal) => ({
  principal,
  permission: 'Jobs.View',
  tenantId: 't1',
});

/** Tenant t1 where app-1 and user-1 are Viewers; neither is registered or created yet. */
function world() {
  const e = new AccessEvents();
  const base = [
    e.tenantCreated('t1'),
    e.assigned('a1', { principal: APP, roleId: VIEWER, tenantId: 't1', folderId: null }),
    e.assigned('u1', { principal: USER, roleId: VIEWER, tenantId: 't1', folderId: null }),
  ];
  return { e, base };
}

describe('AccessIndex projection of app events (extapps.registration.events.v1)', () => {
  it('ExternalAppRegistered (confidential, application scopes): eligible, its roles in effect', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.appRegistered('app-1'));

    expect(index.lookup(APP)).toEqual({ kind: 'eligible' });
    expect(index.check(viewOn(APP))).toMatchObject({ allowed: true });
  });

  it('ExternalAppRegistered (non-confidential): known but ineligible', () => {
    const { e } = world();
    const index = givenIndex(e.appRegistered('app-1', { confidential: false }));

    expect(index.lookup(APP)).toEqual({
      kind: 'ineligible',
      reason: 'only confidential apps can be assigned roles',
    });
  });

  it('ExternalAppRegistered (confidential, no application scopes): known but ineligible', () => {
    const { e } = world();
    const index = givenIndex(e.appRegistered('app-1', { scopes: false }));

    expect(index.lookup(APP)).toEqual({
      kind: 'ineligible',
      reason: 'the app has no application scopes',
    });
  });

  it('ScopesChanged: eligibility follows the application scopes', () => {
    const { e } = world();
    const index = givenIndex(e.appRegistered('app-1'), e.appScopesChanged('app-1', false));
    expect(index.lookup(APP)).toMatchObject({ kind: 'ineligible' });

    index.apply(e.appScopesChanged('app-1', true));

    expect(index.lookup(APP)).toEqual({ kind: 'eligible' });
  });

  it('ExternalAppDisabled: its assignments have no effect at once; ExternalAppEnabled restores them', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.appRegistered('app-1'), e.appDisabled('app-1'));

    expect(index.lookup(APP)).toEqual({ kind: 'disabled' });
    expect(index.check(viewOn(APP))).toMatchObject({ reason: { code: 'principal-disabled' } });
    expect(index.byPrincipal(APP)).toHaveLength(1);

    index.apply(e.appEnabled('app-1'));

    expect(index.check(viewOn(APP))).toMatchObject({ allowed: true });
  });

  it('ExternalAppDeleted: refused as deleted, and nothing later revives it', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.appRegistered('app-1'), e.appDeleted('app-1'));
    index.apply(e.appEnabled('app-1'));

    expect(index.lookup(APP)).toEqual({ kind: 'deleted' });
    expect(index.check(viewOn(APP))).toMatchObject({ reason: { code: 'principal-deleted' } });
  });

  it('an event of an app never registered here: ignored, the app stays unknown', () => {
    const { e, base } = world();
    e.appRegistered('app-1');
    const index = givenIndex(...base);

    expect(index.apply(e.appDisabled('app-1'))).toBe('ignored');
    expect(index.lookup(APP)).toEqual({ kind: 'unknown' });
  });
});

describe('AccessIndex projection of user directory events (extapps.token.events.v1)', () => {
  it('UserCreated: eligible, its roles in effect', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.userCreated('user-1'));

    expect(index.lookup(USER)).toEqual({ kind: 'eligible' });
    expect(index.check(viewOn(USER))).toMatchObject({ allowed: true });
  });

  it('UserDisabled and UserEnabled: the roles stop and resume at once', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.userCreated('user-1'), e.userDisabled('user-1'));
    expect(index.check(viewOn(USER))).toMatchObject({ reason: { code: 'principal-disabled' } });

    index.apply(e.userEnabled('user-1'));

    expect(index.check(viewOn(USER))).toMatchObject({ allowed: true });
  });

  it('UserDeleted: refused as deleted', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.userCreated('user-1'), e.userDeleted('user-1'));

    expect(index.lookup(USER)).toEqual({ kind: 'deleted' });
    expect(index.check(viewOn(USER))).toMatchObject({ reason: { code: 'principal-deleted' } });
  });

  it('UserLockedOut: a sign-in matter, the roles stay in effect', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.userCreated('user-1'), e.userLockedOut('user-1'));

    expect(index.check(viewOn(USER))).toMatchObject({ allowed: true });
  });

  it('token records (streamVersion 1 on a user or client id): ignored, versions untouched', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.userCreated('user-1'));
    const context = (streamId: string) => ({
      streamId,
      streamVersion: 1,
      occurredAt: new Date(),
      actor: { type: 'system' as const, id: 'token' },
      correlationId: 'c',
      causationId: null,
    });
    const signedIn = createEnvelope(
      UserSignedIn,
      { userId: 'user-1', username: 'user-user-1', clientId: 'app-1' },
      context('user-1'),
    );
    const issued = createEnvelope(
      TokenIssued,
      {
        clientId: 'app-1',
        grantType: 'client_credentials',
        subject: 'app-1',
        subjectType: 'app',
        scope: 'OR.Jobs',
        audience: ['OrchestratorApi'],
        jti: 'j-1',
        expiresAt: '2026-01-01T01:00:00.000Z',
        secretId: null,
      },
      context('app-1'),
    );

    expect([index.apply(signedIn), index.apply(issued)]).toEqual(['ignored', 'ignored']);
    index.apply(e.userDisabled('user-1'));
    expect(index.lookup(USER)).toEqual({ kind: 'disabled' });
  });
});
