import { ManualClock } from '@extapps/testing';
import pino from 'pino';
import { InMemoryRevokedAccessTokens } from './in-memory-revoked-access-tokens';
import { PURGE_GRACE_MS, PURGE_INTERVAL_MS, RevokedTokenPurge } from './revoked-token-purge';
import { RevokedAccessTokens } from './revoked-access-tokens';

describe('RevokedTokenPurge', () => {
  const start = new Date('2026-03-01T10:00:00.000Z');
  let clock: ManualClock;
  let store: InMemoryRevokedAccessTokens;
  let purge: RevokedTokenPurge;
  beforeEach(async () => {
    clock = new ManualClock(start);
    store = new InMemoryRevokedAccessTokens();
    purge = new RevokedTokenPurge(store, clock, pino({ level: 'silent' }));
    await store.revoke({ jti: 'old', clientId: 'robot', expiresAt: start });
  });
  afterEach(() => {
    purge.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('given an entry whose token expired less than the grace ago, then it stays', async () => {
    clock.advance(PURGE_GRACE_MS);

    expect(await purge.purge()).toBe(0);
    expect(await store.isRevoked('old')).toBe(true);
  });

  it('given an entry whose token expired more than the grace ago, then it goes', async () => {
    clock.advance(PURGE_GRACE_MS + 1);

    expect(await purge.purge()).toBe(1);
    expect(await store.isRevoked('old')).toBe(false);
  });

  it('given the application started, then it purges every interval', async () => {
    jest.useFakeTimers({ doNotFake: ['Date'] });
    purge.onApplicationBootstrap();
    clock.advance(PURGE_GRACE_MS + 1);

    await jest.advanceTimersByTimeAsync(PURGE_INTERVAL_MS);

    expect(await store.isRevoked('old')).toBe(false);
  });

  it('given the store fails, then the purge reports nothing purged and does not throw', async () => {
    const failing: RevokedAccessTokens = {
      revoke: () => Promise.reject(new Error('down')),
      isRevoked: () => Promise.reject(new Error('down')),
      purgeExpired: () => Promise.reject(new Error('down')),
    };
    purge = new RevokedTokenPurge(failing, clock, pino({ level: 'silent' }));

    await expect(purge.purge()).resolves.toBe(0);
  });
});
