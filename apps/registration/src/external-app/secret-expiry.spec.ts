import { WarnSecretExpiring } from './commands';
import { errorOf, given, NOW, newSecret, registerConfidential } from './testing/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);
const warn = (n: number): WarnSecretExpiring => ({
  type: 'WarnSecretExpiring',
  secretId: `sec-${n}`,
  warningWindowMs: 14 * DAY,
});
const withSecretExpiringIn = (days: number | null) =>
  given(registerConfidential, {
    type: 'AddSecret',
    ...newSecret(2, days === null ? null : inDays(days)),
  });

describe('WarnSecretExpiring', () => {
  it('given a secret expiring inside the window, then SecretExpiringSoon names it and its expiry', () => {
    expect(withSecretExpiringIn(10).when(warn(2))).toEqual({
      ok: true,
      events: [
        {
          type: 'SecretExpiringSoon',
          data: { secretId: 'sec-2', expiresAt: inDays(10).toISOString() },
        },
      ],
    });
  });

  it('given the warning was given already, then it is not repeated', () => {
    const app = given(
      registerConfidential,
      { type: 'AddSecret', ...newSecret(2, inDays(10)) },
      warn(2),
    );
    expect(app.when(warn(2))).toEqual({ ok: true, events: [] });
  });

  it.each([
    ['expires after the window', 20],
    ['never expires', null],
  ])('given a secret that %s, then nothing is emitted', (_case, days) => {
    expect(withSecretExpiringIn(days).when(warn(2))).toEqual({ ok: true, events: [] });
  });

  it('given a secret that has expired already, then nothing is emitted', () => {
    expect(withSecretExpiringIn(1).when(warn(2), inDays(2))).toEqual({ ok: true, events: [] });
  });

  it('given a revoked secret, then nothing is emitted', () => {
    const app = given(
      registerConfidential,
      { type: 'AddSecret', ...newSecret(2, inDays(5)) },
      { type: 'RevokeSecret', secretId: 'sec-2' },
    );
    expect(app.when(warn(2))).toEqual({ ok: true, events: [] });
  });

  it('given an unknown secret, then secret-not-found', () => {
    expect(errorOf(withSecretExpiringIn(10).when(warn(9)))?.code).toBe('secret-not-found');
  });
});
