import { CommandBus } from '@nestjs/cqrs';
import { ManualClock } from '@extapps/testing';
import pino from 'pino';
import { RegistrationConfig } from '../config';
import { AppView, SecretView } from '../external-app/projections/app-view';
import { WarnSecretExpiringCommand } from '../external-app/commands/warn-secret-expiring/warn-secret-expiring.command';
import { ExpiringSecretsSource, ExpiringSelection, expiringSecretsOf } from './expiring-secrets';
import { SecretExpiryCheck } from './secret-expiry.check';

const DAY = 86_400_000;
const NOW = new Date('2026-05-01T00:00:00.000Z');
const inDays = (n: number) => new Date(NOW.getTime() + n * DAY);

const secret = (
  id: string,
  expiresAt: Date | null,
  more: Partial<SecretView> = {},
): SecretView => ({
  id,
  description: id,
  createdAt: inDays(-100),
  expiresAt,
  revokedAt: null,
  expiryWarnedAt: null,
  ...more,
});

const app = (id: string, secrets: SecretView[], status: AppView['status'] = 'active'): AppView => ({
  id,
  name: id,
  type: 'confidential',
  status,
  redirectUris: [],
  userScopes: [],
  applicationScopes: [],
  secrets,
  jwks: null,
  accessTokenLifetimeSeconds: null,
  version: 1,
  createdAt: inDays(-100),
  createdBy: { type: 'user', id: 'admin' },
  updatedAt: inDays(-100),
  updatedBy: { type: 'user', id: 'admin' },
  lastPosition: 1,
});

/** The views as the database would hold them; the selection itself is the code under test. */
class FakeSource implements ExpiringSecretsSource {
  selections: ExpiringSelection[] = [];
  constructor(private readonly apps: AppView[]) {}
  async find(selection: ExpiringSelection) {
    this.selections.push(selection);
    return expiringSecretsOf(this.apps, selection);
  }
}

class FakeCommandBus {
  sent: WarnSecretExpiringCommand[] = [];
  failFor = new Set<string>();
  async execute(command: WarnSecretExpiringCommand) {
    if (this.failFor.has(command.secretId)) throw new Error('store unavailable');
    this.sent.push(command);
  }
}

function check(apps: AppView[]) {
  const source = new FakeSource(apps);
  const bus = new FakeCommandBus();
  const config = { SECRET_EXPIRY_WARNING_DAYS: 14, SECRET_EXPIRY_CHECK_INTERVAL_MS: 60_000 };
  const subject = new SecretExpiryCheck(
    source,
    bus as unknown as CommandBus,
    new ManualClock(NOW),
    config as RegistrationConfig,
    pino({ level: 'silent' }),
  );
  return { subject, source, bus };
}

const sentIds = (bus: FakeCommandBus) => bus.sent.map((c) => `${c.appId}/${c.secretId}`);

describe('SecretExpiryCheck', () => {
  it('given secrets inside and outside the window, then only unwarned, unrevoked, future ones inside are warned', async () => {
    const { subject, bus } = check([
      app('a', [
        secret('soon', inDays(3)),
        secret('edge', inDays(14)),
        secret('later', inDays(14.001)),
        secret('never', null),
        secret('past', inDays(-1)),
        secret('now', NOW),
        secret('revoked', inDays(2), { revokedAt: inDays(-1) }),
        secret('warned', inDays(2), { expiryWarnedAt: inDays(-1) }),
      ]),
      app('gone', [secret('soon', inDays(1))], 'deleted'),
      app('off', [secret('soon', inDays(5))], 'disabled'),
    ]);

    const outcome = await subject.runOnce();

    expect(sentIds(bus)).toEqual(['a/soon', 'off/soon', 'a/edge']);
    expect(outcome).toEqual({ warned: 3, failed: 0 });
  });

  it('sends each command as the system actor, with the configured window and one correlation id per run', async () => {
    const { subject, bus, source } = check([
      app('a', [secret('s1', inDays(1)), secret('s2', inDays(2))]),
    ]);

    await subject.runOnce();

    expect(source.selections).toEqual([{ now: NOW, windowMs: 14 * DAY, unwarnedOnly: true }]);
    expect(bus.sent[0]).toBeInstanceOf(WarnSecretExpiringCommand);
    expect(bus.sent[0]).toMatchObject({
      appId: 'a',
      secretId: 's1',
      warningWindowMs: 14 * DAY,
      meta: { actor: { type: 'system', id: 'secret-expiry-check' } },
    });
    expect(bus.sent[0]?.meta.correlationId).toMatch(/^secret-expiry-/);
    expect(bus.sent[1]?.meta.correlationId).toBe(bus.sent[0]?.meta.correlationId);
  });

  it('given a failing command, then the others are still sent and the failure is counted', async () => {
    const { subject, bus } = check([app('a', [secret('s1', inDays(1)), secret('s2', inDays(2))])]);
    bus.failFor.add('s1');

    expect(await subject.runOnce()).toEqual({ warned: 1, failed: 1 });
    expect(sentIds(bus)).toEqual(['a/s2']);
  });

  it('given nothing due, then nothing is sent', async () => {
    const { subject, bus } = check([app('a', [secret('s1', inDays(30))])]);

    expect(await subject.runOnce()).toEqual({ warned: 0, failed: 0 });
    expect(bus.sent).toEqual([]);
  });
});
