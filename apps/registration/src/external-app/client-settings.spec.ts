import { ExternalAppCommand } from './commands';
import { ecKey, errorOf, given, registerConfidential, registerPublic } from './testing/fixtures';

const first = ecKey('k-1');
const second = ecKey('k-2');
const jwks = { keys: [first.public] };
const both = { keys: [first.public, second.public] };
const withSettings = { ...registerConfidential, jwks, accessTokenLifetimeSeconds: 900 };
const changeKeys = (keys: object[] | null): ExternalAppCommand => ({
  type: 'ChangeClientKeys',
  jwks: keys && { keys },
});
const changeLifetime = (seconds: number | null): ExternalAppCommand => ({
  type: 'ChangeAccessTokenLifetime',
  seconds,
});

describe('RegisterExternalApp with keys and a token lifetime', () => {
  it('given nothing, when a confidential app registers both, then the event carries both', () => {
    const decision = given().when(withSettings);

    expect(decision.ok && decision.events[0]?.data).toMatchObject({
      jwks,
      accessTokenLifetimeSeconds: 900,
    });
  });

  it('given nothing, when an app registers neither, then the event has neither field', () => {
    const decision = given().when({ ...registerConfidential, jwks: null });
    const data = decision.ok ? decision.events[0]?.data : undefined;

    expect(data).toMatchObject({ appId: 'app-1' });
    expect(data).not.toHaveProperty('jwks');
    expect(data).not.toHaveProperty('accessTokenLifetimeSeconds');
  });

  it('given nothing, when a non-confidential app registers keys, then jwks-not-allowed', () => {
    const decision = given().when({ ...registerPublic, jwks });

    expect(errorOf(decision)).toMatchObject({ code: 'jwks-not-allowed', field: 'jwks' });
  });

  it('given nothing, when a non-confidential app sets a lifetime, then it is registered', () => {
    const decision = given().when({ ...registerPublic, accessTokenLifetimeSeconds: 300 });

    expect(decision.ok && decision.events[0]?.data).toMatchObject({
      accessTokenLifetimeSeconds: 300,
    });
  });

  it('given nothing, when the JWKS holds a private key, then invalid-jwks naming the key', () => {
    const decision = given().when({ ...registerConfidential, jwks: { keys: [first.private] } });

    expect(errorOf(decision)).toEqual({
      code: 'invalid-jwks',
      field: 'jwks.keys[0]',
      message: 'jwks.keys[0] is a private key (it has d): register its public key only',
    });
  });

  it.each([299, 86_401, 600.5])(
    'given nothing, when the lifetime is %p, then invalid-access-token-lifetime',
    (seconds) => {
      const decision = given().when({
        ...registerConfidential,
        accessTokenLifetimeSeconds: seconds,
      });

      expect(errorOf(decision)).toMatchObject({
        code: 'invalid-access-token-lifetime',
        field: 'accessTokenLifetimeSeconds',
      });
    },
  );
});

describe('ChangeClientKeys', () => {
  it('given an app without keys, when keys are set, then ClientKeysChanged from null', () => {
    const decision = given(registerConfidential).when(changeKeys(both.keys));

    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'ClientKeysChanged', data: { before: null, after: both } }],
    });
  });

  it('given an app with keys, when another set replaces them, then before and after', () => {
    const decision = given(withSettings).when(changeKeys([second.public]));

    expect(decision.ok && decision.events).toEqual([
      { type: 'ClientKeysChanged', data: { before: jwks, after: { keys: [second.public] } } },
    ]);
  });

  it('given an app with keys, when the same keys come in another order, then no events', () => {
    const app = given(withSettings, changeKeys(both.keys));
    const reordered = Object.fromEntries(Object.entries(second.public).reverse());

    expect(app.when(changeKeys([reordered, first.public]))).toEqual({ ok: true, events: [] });
  });

  it('given an app with keys, when they are removed, then ClientKeysChanged to null', () => {
    const decision = given(withSettings).when(changeKeys(null));

    expect(decision.ok && decision.events).toEqual([
      { type: 'ClientKeysChanged', data: { before: jwks, after: null } },
    ]);
  });

  it('given an app without keys, when none are set, then no events', () => {
    expect(given(registerConfidential).when(changeKeys(null))).toEqual({ ok: true, events: [] });
  });

  it('given a non-confidential app, when keys are set, then jwks-not-allowed', () => {
    const decision = given(registerPublic).when(changeKeys(jwks.keys));

    expect(errorOf(decision)).toMatchObject({ code: 'jwks-not-allowed', field: 'jwks' });
  });

  it.each([
    ['a private key', [first.public, second.private], 'jwks.keys[1]', 'is a private key'],
    ['two keys with one kid', [first.public, { ...second.public, kid: 'k-1' }], 'jwks.keys[1].kid'],
    ['a symmetric key', [{ kty: 'oct', kid: 'h', k: 'c2VjcmV0' }], 'jwks.keys[0]', 'oct'],
    ['an empty set', [], 'jwks.keys', ''],
  ])(
    'given an app, when the set holds %s, then invalid-jwks at %s',
    (_c, keys, field, text = '') => {
      const decision = given(registerConfidential).when(changeKeys(keys));

      expect(errorOf(decision)).toMatchObject({ code: 'invalid-jwks', field });
      expect(errorOf(decision)?.message).toContain(text);
      expect(errorOf(decision)?.message).not.toContain(String(second.private.d));
    },
  );
});

describe('ChangeAccessTokenLifetime', () => {
  it('given an app on the default, when a lifetime is set, then the change from null', () => {
    const decision = given(registerConfidential).when(changeLifetime(1800));

    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'AccessTokenLifetimeChanged', data: { before: null, after: 1800 } }],
    });
  });

  it('given an app with a lifetime, when reset to the default, then the change to null', () => {
    const decision = given(withSettings).when(changeLifetime(null));

    expect(decision.ok && decision.events).toEqual([
      { type: 'AccessTokenLifetimeChanged', data: { before: 900, after: null } },
    ]);
  });

  it('given an app with a lifetime, when the same one is set, then no events', () => {
    expect(given(withSettings).when(changeLifetime(900))).toEqual({ ok: true, events: [] });
  });

  it('given a disabled app, when a lifetime is set, then it changes (for when it is enabled)', () => {
    const decision = given(registerPublic, { type: 'DisableExternalApp' }).when(
      changeLifetime(300),
    );

    expect(decision.ok && decision.events.map((e) => e.type)).toEqual([
      'AccessTokenLifetimeChanged',
    ]);
  });

  it.each([0, 299, 86_401, 3600.5])('given an app, when %p, then refused', (seconds) => {
    const decision = given(registerConfidential).when(changeLifetime(seconds));

    expect(errorOf(decision)).toMatchObject({
      code: 'invalid-access-token-lifetime',
      field: 'accessTokenLifetimeSeconds',
    });
  });

  it('given a deleted app, when a lifetime is set, then app-deleted', () => {
    const decision = given(registerConfidential, { type: 'DeleteExternalApp' }).when(
      changeLifetime(600),
    );

    expect(errorOf(decision)?.code).toBe('app-deleted');
  });
});
