import { appsRead, assetsRead, jobs } from '../testing/app-events';
import { resolveGrant } from './scope-resolution';

const appsWrite = { resource: 'ExtAppsAdminApi', scope: 'extapps.apps.write' };
const held = [jobs, assetsRead, appsRead, appsWrite];

describe('scope and audience resolution', () => {
  it('grants the requested scopes with their resource as audience', () => {
    expect(resolveGrant(held, 'OR.Jobs OR.Assets.Read', undefined)).toEqual({
      ok: true,
      value: { audience: 'OrchestratorApi', scopes: ['OR.Jobs', 'OR.Assets.Read'] },
    });
  });

  it('grants a repeated scope once', () => {
    expect(resolveGrant(held, 'OR.Jobs OR.Jobs', undefined)).toMatchObject({
      ok: true,
      value: { scopes: ['OR.Jobs'] },
    });
  });

  it('without scope, grants every held scope when they share one resource', () => {
    expect(resolveGrant([appsRead, appsWrite], undefined, undefined)).toEqual({
      ok: true,
      value: { audience: 'ExtAppsAdminApi', scopes: ['extapps.apps.read', 'extapps.apps.write'] },
    });
  });

  it('without scope but with resource, grants every held scope of that resource', () => {
    expect(resolveGrant(held, undefined, 'ExtAppsAdminApi')).toEqual({
      ok: true,
      value: { audience: 'ExtAppsAdminApi', scopes: ['extapps.apps.read', 'extapps.apps.write'] },
    });
  });

  it('with scope and resource, grants the scopes of that resource', () => {
    expect(resolveGrant(held, 'OR.Jobs', 'OrchestratorApi')).toMatchObject({
      ok: true,
      value: { audience: 'OrchestratorApi' },
    });
  });

  it('refuses a scope the app does not hold as invalid_scope', () => {
    expect(resolveGrant(held, 'OR.Queues', undefined)).toMatchObject({
      ok: false,
      error: { error: 'invalid_scope' },
    });
  });

  it('refuses an unknown scope as invalid_scope', () => {
    expect(resolveGrant(held, 'No.Such.Scope', undefined)).toMatchObject({
      ok: false,
      error: { error: 'invalid_scope' },
    });
  });

  it.each([['double  space'], [' leading'], ['trailing '], ['quote"d'], ['back\\slash']])(
    'refuses a malformed scope list (%j) as invalid_scope',
    (scope) => {
      expect(resolveGrant(held, scope, undefined)).toMatchObject({
        ok: false,
        error: { error: 'invalid_scope' },
      });
    },
  );

  it('refuses scopes of several resources without resource as invalid_target', () => {
    expect(resolveGrant(held, 'OR.Jobs extapps.apps.read', undefined)).toMatchObject({
      ok: false,
      error: { error: 'invalid_target' },
    });
  });

  it('refuses no scope without resource when the held scopes span several resources', () => {
    expect(resolveGrant(held, undefined, undefined)).toMatchObject({
      ok: false,
      error: { error: 'invalid_target' },
    });
  });

  it('refuses a resource none of the held scopes belongs to as invalid_target', () => {
    expect(resolveGrant(held, undefined, 'DocumentUnderstanding')).toMatchObject({
      ok: false,
      error: { error: 'invalid_target' },
    });
  });

  it('refuses a held scope of another resource than the one named as invalid_scope', () => {
    expect(resolveGrant(held, 'OR.Jobs', 'ExtAppsAdminApi')).toMatchObject({
      ok: false,
      error: { error: 'invalid_scope' },
    });
  });

  it('refuses a request when the app holds no application scope as invalid_scope', () => {
    expect(resolveGrant([], undefined, undefined)).toMatchObject({
      ok: false,
      error: { error: 'invalid_scope' },
    });
  });
});
