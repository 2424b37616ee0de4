import { configWith, invalidSettings } from '../users/testing/config-env';
import { DEFAULT_CLIENT_AUTH_THROTTLE } from './client-auth-throttle';
import { clientAuthThrottleOf } from './client-auth-throttle.settings';

describe('client authentication throttle settings', () => {
  it('defaults to 10 failures per client and IP, 100 per client, in 60 s windows', () => {
    expect(clientAuthThrottleOf(configWith())).toEqual(DEFAULT_CLIENT_AUTH_THROTTLE);
    expect(DEFAULT_CLIENT_AUTH_THROTTLE).toMatchObject({
      perSourceLimit: 10,
      perClientLimit: 100,
      windowMs: 60_000,
      maxEntries: 10_000,
    });
  });

  it('takes other values within range', () => {
    const config = configWith({
      CLIENT_AUTH_THROTTLE_PER_SOURCE: '3',
      CLIENT_AUTH_THROTTLE_PER_CLIENT: '30',
      CLIENT_AUTH_THROTTLE_WINDOW_SECONDS: '300',
      CLIENT_AUTH_THROTTLE_MAX_ENTRIES: '500',
    });
    expect(clientAuthThrottleOf(config)).toMatchObject({
      perSourceLimit: 3,
      perClientLimit: 30,
      windowMs: 300_000,
      maxEntries: 500,
    });
  });

  it.each([
    ['CLIENT_AUTH_THROTTLE_PER_SOURCE', '0'],
    ['CLIENT_AUTH_THROTTLE_PER_CLIENT', '0'],
    ['CLIENT_AUTH_THROTTLE_WINDOW_SECONDS', '0'],
    ['CLIENT_AUTH_THROTTLE_WINDOW_SECONDS', '86401'],
    ['CLIENT_AUTH_THROTTLE_MAX_ENTRIES', '99'],
    ['CLIENT_AUTH_THROTTLE_MAX_ENTRIES', 'many'],
  ])('refuses %s=%s', (setting, value) => {
    expect(invalidSettings({ [setting]: value })).toEqual([setting]);
  });
});
