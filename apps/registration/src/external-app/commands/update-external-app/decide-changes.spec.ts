import { ExternalAppCommand } from '../../commands';
import { rebuild } from '../../external-app.decider';
import {
  context,
  ecKey,
  given,
  registerConfidential,
  registerPublic,
} from '../../testing/fixtures';
import { decideChanges } from './decide-changes';

const stateOf = (...history: ExternalAppCommand[]) => rebuild(given(...history).events);

describe('decideChanges (PATCH)', () => {
  it('given an app, when name, URIs and scopes change, then one event per change in that order', () => {
    const decision = decideChanges(
      {
        name: 'Renamed',
        redirectUris: ['https://new.example.com/cb'],
        applicationScopes: ['DU.Digitization.Api'],
      },
      stateOf(registerConfidential),
      context,
    );

    expect(decision.ok && decision.events.map((e) => e.type)).toEqual([
      'ExternalAppRenamed',
      'RedirectUrisChanged',
      'ScopesChanged',
    ]);
  });

  it('given an app without URIs, when user scopes arrive with their first URI, then both apply', () => {
    const app = stateOf({ ...registerConfidential, redirectUris: [], userScopes: [] });
    const decision = decideChanges(
      { redirectUris: ['https://a.example.com/cb'], userScopes: ['OR.Jobs.Read'] },
      app,
      context,
    );

    expect(decision.ok && decision.events.map((e) => e.type)).toEqual([
      'RedirectUrisChanged',
      'ScopesChanged',
    ]);
  });

  it('given an app with user scopes, when its last URI goes with the scopes, then scopes change first', () => {
    const decision = decideChanges(
      { redirectUris: [], userScopes: [] },
      stateOf(registerConfidential),
      context,
    );

    expect(decision.ok && decision.events.map((e) => e.type)).toEqual([
      'ScopesChanged',
      'RedirectUrisChanged',
    ]);
  });

  it('given an app, when keys and a token lifetime change with the name, then they come last', () => {
    const jwks = { keys: [ecKey('k-1').public] };
    const decision = decideChanges(
      { accessTokenLifetimeSeconds: 1200, jwks, name: 'Renamed' },
      stateOf(registerConfidential),
      context,
    );

    expect(decision.ok && decision.events).toEqual([
      { type: 'ExternalAppRenamed', data: { before: registerConfidential.name, after: 'Renamed' } },
      { type: 'ClientKeysChanged', data: { before: null, after: jwks } },
      { type: 'AccessTokenLifetimeChanged', data: { before: null, after: 1200 } },
    ]);
  });

  it('given an app, when its new JWKS holds a private key, then the whole PATCH is refused', () => {
    const decision = decideChanges(
      { name: 'Fine', accessTokenLifetimeSeconds: 600, jwks: { keys: [ecKey('k-1').private] } },
      stateOf(registerConfidential),
      context,
    );

    expect(decision).toMatchObject({
      ok: false,
      error: { code: 'invalid-jwks', field: 'jwks.keys[0]' },
    });
  });

  it('given an app, when one change breaks a rule, then the whole PATCH is refused', () => {
    const decision = decideChanges(
      { name: 'Fine', redirectUris: ['http://example.com/cb'] },
      stateOf(registerConfidential),
      context,
    );

    expect(decision).toMatchObject({ ok: false, error: { code: 'invalid-redirect-uri' } });
  });

  it('given an app, when nothing differs, then no events', () => {
    const decision = decideChanges(
      { name: registerConfidential.name, userScopes: ['OR.Jobs.Read'] },
      stateOf(registerConfidential),
      context,
    );

    expect(decision).toEqual({ ok: true, events: [] });
  });

  it('given a non-confidential app, when application scopes are added, then scope-kind-not-allowed', () => {
    const decision = decideChanges(
      { applicationScopes: ['OR.Jobs'] },
      stateOf(registerPublic),
      context,
    );

    expect(decision).toMatchObject({ ok: false, error: { code: 'scope-kind-not-allowed' } });
  });

  it.each<[string, ExternalAppCommand[], string]>([
    ['no app', [], 'app-not-found'],
    ['a deleted app', [registerConfidential, { type: 'DeleteExternalApp' }], 'app-deleted'],
  ])('given %s, when an empty PATCH arrives, then %s', (_case, history, code) => {
    const decision = decideChanges({}, stateOf(...history), context);

    expect(decision).toMatchObject({ ok: false, error: { code } });
  });
});
