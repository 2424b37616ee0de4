import { configWith, invalidSettings } from './testing/config-env';
import { lockoutOf, scryptOf } from './user-settings';

describe('user directory settings', () => {
  it('defaults to a 15 minute lockout after 5 failures and scrypt N=2^15', () => {
    const config = configWith();
    expect(lockoutOf(config)).toEqual({ threshold: 5, durationMs: 900_000 });
    expect(scryptOf(config)).toEqual({ log2N: 15, r: 8, p: 1 });
  });

  it('takes other values within range', () => {
    const config = configWith({
      USER_LOCKOUT_THRESHOLD: '10',
      USER_LOCKOUT_MINUTES: '60',
      PASSWORD_SCRYPT_LOG2N: '17',
    });
    expect(lockoutOf(config)).toEqual({ threshold: 10, durationMs: 3_600_000 });
    expect(scryptOf(config).log2N).toBe(17);
  });

  it.each([
    ['USER_LOCKOUT_THRESHOLD', '0'],
    ['USER_LOCKOUT_THRESHOLD', '101'],
    ['USER_LOCKOUT_MINUTES', '0'],
    ['USER_LOCKOUT_MINUTES', '1441'],
    ['PASSWORD_SCRYPT_LOG2N', '13'],
    ['PASSWORD_SCRYPT_LOG2N', '21'],
    ['PASSWORD_SCRYPT_LOG2N', 'fast'],
  ])('refuses %s=%s', (setting, value) => {
    expect(invalidSettings({ [setting]: value })).toEqual([setting]);
  });
});
