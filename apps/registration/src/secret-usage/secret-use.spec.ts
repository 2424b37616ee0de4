import { EventRegistry, tokenEvents } from '@extapps/contracts';
import { secretUseOf } from './secret-use';
import {
  eventsWithoutSecretUse,
  tokenIssued,
  tokenRefreshed,
} from './testing/token-event-fixtures';

const registry = new EventRegistry(tokenEvents);
const at = '2026-04-01T12:34:56.789Z';

describe('secretUseOf', () => {
  it('given TokenIssued with a secret, then that secret was used when the event occurred', () => {
    expect(secretUseOf(tokenIssued('app-1', 'sec-1', at))).toEqual({
      appId: 'app-1',
      secretId: 'sec-1',
      at: new Date(at),
    });
  });

  it('given TokenRefreshed with a secret, then that secret was used when the event occurred', () => {
    expect(secretUseOf(tokenRefreshed('app-1', 'sec-2', at))).toEqual({
      appId: 'app-1',
      secretId: 'sec-2',
      at: new Date(at),
    });
  });

  it.each([
    ['TokenIssued', tokenIssued('app-1', null)],
    ['TokenRefreshed', tokenRefreshed('app-1', null)],
  ])('given %s without a secret (another client authentication), then no use', (_type, event) => {
    expect(secretUseOf(event)).toBeNull();
  });

  it.each(eventsWithoutSecretUse('app-1').map((e) => [e.type, e] as const))(
    'given %s, then no use',
    (_type, event) => {
      expect(secretUseOf(event)).toBeNull();
    },
  );

  it('given the fixtures, then every other token event type is covered, each valid', () => {
    const others = eventsWithoutSecretUse('app-1');
    others.forEach((event) => expect(registry.parse(event)).toEqual(event));
    const covered = ['TokenIssued', 'TokenRefreshed', ...others.map((e) => e.type)];
    expect(covered.sort()).toEqual(tokenEvents.map((d) => d.type).sort());
  });
});
