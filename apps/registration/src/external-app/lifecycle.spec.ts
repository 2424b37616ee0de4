import { ExternalAppCommand } from './commands';
import { errorOf, given, newSecret, registerConfidential } from './testing/fixtures';

const disable = { type: 'DisableExternalApp' } as const;
const enable = { type: 'EnableExternalApp' } as const;
const remove = { type: 'DeleteExternalApp' } as const;

const everyCommand: ExternalAppCommand[] = [
  registerConfidential,
  { type: 'RenameExternalApp', name: 'Other' },
  { type: 'ChangeRedirectUris', redirectUris: ['https://other.example.com/'] },
  { type: 'ChangeScopes', userScopes: [] },
  { type: 'AddSecret', ...newSecret(2) },
  { type: 'RevokeSecret', secretId: 'sec-1' },
  disable,
  enable,
  remove,
];

describe('disable, enable, delete', () => {
  it('given an active app, when disabled, then ExternalAppDisabled', () => {
    expect(given(registerConfidential).when(disable)).toEqual({
      ok: true,
      events: [{ type: 'ExternalAppDisabled', data: {} }],
    });
  });

  it('given a disabled app, when disabled again, then no event (idempotent)', () => {
    expect(given(registerConfidential, disable).when(disable)).toEqual({ ok: true, events: [] });
  });

  it('given a disabled app, when enabled, then ExternalAppEnabled', () => {
    expect(given(registerConfidential, disable).when(enable)).toEqual({
      ok: true,
      events: [{ type: 'ExternalAppEnabled', data: {} }],
    });
  });

  it('given an active app, when enabled, then no event (idempotent)', () => {
    expect(given(registerConfidential).when(enable)).toEqual({ ok: true, events: [] });
  });

  it('given a disabled app, when renamed, then it is renamed while staying disabled', () => {
    const decision = given(registerConfidential, disable).when(
      everyCommand[1] as ExternalAppCommand,
    );
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['ExternalAppRenamed']);
  });

  it.each([
    ['an active', []],
    ['a disabled', [disable]],
  ])('given %s app, when deleted, then ExternalAppDeleted', (_case, history) => {
    expect(given(registerConfidential, ...history).when(remove)).toEqual({
      ok: true,
      events: [{ type: 'ExternalAppDeleted', data: {} }],
    });
  });

  it.each(everyCommand.map((c) => [c.type, c] as const))(
    'given a deleted app, when %s, then app-deleted',
    (_type, command) => {
      expect(errorOf(given(registerConfidential, remove).when(command))?.code).toBe('app-deleted');
    },
  );

  it.each(everyCommand.slice(1).map((c) => [c.type, c] as const))(
    'given no app, when %s, then app-not-found',
    (_type, command) => {
      expect(errorOf(given().when(command))?.code).toBe('app-not-found');
    },
  );
});
