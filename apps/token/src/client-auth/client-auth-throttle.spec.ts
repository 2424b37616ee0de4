import { ClientAuthThrottle, ClientAuthThrottleSettings } from './client-auth-throttle';
import { ExpiringMap } from './expiring-map';

const settings: ClientAuthThrottleSettings = {
  perSourceLimit: 3,
  perClientLimit: 5,
  windowMs: 60_000,
  maxEntries: 100,
  trustedSourceMs: 3_600_000,
};
const start = new Date('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);

function failTimes(throttle: ClientAuthThrottle, times: number, ip: string, clientId = 'app-1') {
  for (let i = 0; i < times; i++) throttle.failed(clientId, ip, start);
}

describe('ClientAuthThrottle', () => {
  let throttle: ClientAuthThrottle;
  beforeEach(() => {
    throttle = new ClientAuthThrottle(settings);
  });

  it('given failures below the per-source limit, when the source tries again, then it is checked', () => {
    failTimes(throttle, 2, '198.51.100.1');
    expect(throttle.isThrottled('app-1', '198.51.100.1', start)).toBe(false);
  });

  it('given the per-source limit reached, when the source tries again, then it is refused', () => {
    failTimes(throttle, 3, '198.51.100.1');
    expect(throttle.isThrottled('app-1', '198.51.100.1', at(59_999))).toBe(true);
  });

  it('given a throttled source, when its window ends, then it is checked again', () => {
    failTimes(throttle, 3, '198.51.100.1');
    expect(throttle.isThrottled('app-1', '198.51.100.1', at(60_000))).toBe(false);
  });

  it('given the window started with the first failure, when later failures come, then they do not extend it', () => {
    throttle.failed('app-1', '198.51.100.1', start);
    throttle.failed('app-1', '198.51.100.1', at(30_000));
    throttle.failed('app-1', '198.51.100.1', at(59_000));
    expect(throttle.isThrottled('app-1', '198.51.100.1', at(59_500))).toBe(true);
    expect(throttle.isThrottled('app-1', '198.51.100.1', at(60_000))).toBe(false);
  });

  it('given a throttled source, when another IP or another client tries, then they are checked', () => {
    failTimes(throttle, 3, '198.51.100.1');
    expect(throttle.isThrottled('app-1', '198.51.100.2', start)).toBe(false);
    expect(throttle.isThrottled('app-2', '198.51.100.1', start)).toBe(false);
  });

  it('given failures from many IPs reaching the per-client limit, when a new source tries, then it is refused', () => {
    for (let i = 1; i <= 5; i++) throttle.failed('app-1', `198.51.100.${i}`, start);
    expect(throttle.isThrottled('app-1', '203.0.113.7', start)).toBe(true);
    expect(throttle.isThrottled('app-1', '203.0.113.7', at(60_000))).toBe(false);
  });

  it('given a source that authenticated, when the per-client limit is reached by others, then it is still checked', () => {
    throttle.succeeded('app-1', '203.0.113.7', start);
    for (let i = 1; i <= 50; i++) throttle.failed('app-1', `198.51.100.${i}`, at(1_000));
    expect(throttle.isThrottled('app-1', '203.0.113.7', at(2_000))).toBe(false);
    expect(throttle.isThrottled('app-1', '198.51.100.99', at(2_000))).toBe(true);
  });

  it('given a trusted source, when the trust period ends, then the per-client limit applies to it', () => {
    throttle.succeeded('app-1', '203.0.113.7', start);
    const later = 3_600_000;
    for (let i = 1; i <= 5; i++) throttle.failed('app-1', `198.51.100.${i}`, at(later));
    expect(throttle.isThrottled('app-1', '203.0.113.7', at(later))).toBe(true);
  });

  it('given a trusted source over its own limit, when it tries again, then it is refused', () => {
    throttle.succeeded('app-1', '203.0.113.7', start);
    failTimes(throttle, 3, '203.0.113.7');
    expect(throttle.isThrottled('app-1', '203.0.113.7', start)).toBe(true);
  });

  it('given failures of a source, when it authenticates, then its count starts afresh', () => {
    failTimes(throttle, 2, '198.51.100.1');
    throttle.succeeded('app-1', '198.51.100.1', start);
    failTimes(throttle, 2, '198.51.100.1');
    expect(throttle.isThrottled('app-1', '198.51.100.1', start)).toBe(false);
  });

  it('given more sources than it may keep, when new ones fail, then the oldest are forgotten first', () => {
    const small = new ClientAuthThrottle({ ...settings, maxEntries: 2 });
    failTimes(small, 3, '198.51.100.1', 'app-a');
    failTimes(small, 3, '198.51.100.1', 'app-b');
    failTimes(small, 3, '198.51.100.1', 'app-c');
    expect(small.isThrottled('app-a', '198.51.100.1', start)).toBe(false);
    expect(small.isThrottled('app-b', '198.51.100.1', start)).toBe(true);
    expect(small.isThrottled('app-c', '198.51.100.1', start)).toBe(true);
  });

  it('given a very long client id, when it fails, then it is counted under its clipped key', () => {
    const long = 'x'.repeat(10_000);
    failTimes(throttle, 3, '198.51.100.1', long);
    expect(throttle.isThrottled(`${'x'.repeat(200)}y`, '198.51.100.1', start)).toBe(true);
  });
});

describe('ExpiringMap', () => {
  it('given a full map, when an entry is set, then the oldest is dropped and the size stays bounded', () => {
    const map = new ExpiringMap<number>(3);
    for (let i = 0; i < 10; i++) map.set(`k${i}`, i, 1_000, 0);
    expect(map.size).toBe(3);
    expect(map.get('k6', 0)).toBeUndefined();
    expect(map.get('k9', 0)).toBe(9);
  });

  it('given expired entries at the front, when a new one is set, then they are dropped', () => {
    const map = new ExpiringMap<number>(10);
    map.set('old-1', 1, 100, 0);
    map.set('old-2', 2, 100, 0);
    map.set('new', 3, 1_100, 100);
    expect(map.size).toBe(1);
  });

  it('given an entry set again, when the map is full, then it counts as the newest', () => {
    const map = new ExpiringMap<number>(2);
    map.set('a', 1, 1_000, 0);
    map.set('b', 2, 1_000, 0);
    map.set('a', 3, 1_000, 0);
    map.set('c', 4, 1_000, 0);
    expect(map.get('a', 0)).toBe(3);
    expect(map.get('b', 0)).toBeUndefined();
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new ExpiringMap(0)).toThrow('maxEntries must be a positive integer');
  });
});
