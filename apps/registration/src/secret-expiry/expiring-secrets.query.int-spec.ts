import { newSecret } from '../external-app/testing/fixtures';
import {
  day,
  readSide,
  ReadSide,
  registerApp,
} from '../external-app/projections/testing/read-side-fixture';
import { storedEvent } from '../external-app/projections/testing/history';
import { ExpiringSecretsQuery } from './expiring-secrets.query';

const DAY = 86_400_000;
const refs = (found: Awaited<ReturnType<ExpiringSecretsQuery['find']>>) =>
  found.map(({ app, secret }) => `${app.id}/${secret.id}`);

describe('ExpiringSecretsQuery on MongoDB', () => {
  let side: ReadSide;
  let query: ExpiringSecretsQuery;
  const now = day(20);

  beforeAll(async () => {
    side = await readSide('expiring');
    query = new ExpiringSecretsQuery(side.views);
    // Window: (day 20, day 34]. Each app's first secret is sec-1.
    await side.given('in-window', [
      registerApp('in-window', 'Soon', day(0), day(30)),
      { command: { type: 'AddSecret', ...newSecret(2, day(25)) }, at: day(1) },
      { command: { type: 'AddSecret', ...newSecret(3, day(90)) }, at: day(1) },
      { command: { type: 'AddSecret', ...newSecret(4) }, at: day(1) },
    ]);
    await side.given('edge', [registerApp('edge', 'Edge', day(0), day(34))]);
    await side.given('expired', [registerApp('expired', 'Expired', day(0), day(20))]);
    await side.given('revoked', [
      registerApp('revoked', 'Revoked', day(0), day(22)),
      { command: { type: 'AddSecret', ...newSecret(2) }, at: day(1) },
      { command: { type: 'RevokeSecret', secretId: 'sec-1' }, at: day(2) },
    ]);
    await side.given('deleted', [
      registerApp('deleted', 'Deleted', day(0), day(22)),
      { command: { type: 'DeleteExternalApp' }, at: day(2) },
    ]);
    await side.given('disabled', [
      registerApp('disabled', 'Disabled', day(0), day(33)),
      { command: { type: 'DisableExternalApp' }, at: day(2) },
    ]);
    await side.given('warned', [registerApp('warned', 'Warned', day(0), day(23))]);
    // The expiry check's warning, as the decider would emit it on day 19.
    await side.projector.project([
      storedEvent(
        'warned',
        {
          type: 'SecretExpiringSoon',
          data: { secretId: 'sec-1', expiresAt: day(23).toISOString() },
        },
        { version: 2, position: 1_000_000, occurredAt: day(19) },
      ),
    ]);
  });
  afterAll(() => side.close());

  it('finds non-revoked secrets of live apps expiring after now and within the window, soonest first', async () => {
    const found = await query.find({ now, windowMs: 14 * DAY, unwarnedOnly: false });

    expect(refs(found)).toEqual([
      'warned/sec-1',
      'in-window/sec-2',
      'in-window/sec-1',
      'disabled/sec-1',
      'edge/sec-1',
    ]);
  });

  it('leaves out the secrets already warned about when asked to', async () => {
    const found = await query.find({ now, windowMs: 14 * DAY, unwarnedOnly: true });

    expect(refs(found)).not.toContain('warned/sec-1');
    expect(refs(found)).toHaveLength(4);
  });

  it('follows the window it is given', async () => {
    const four = await query.find({ now, windowMs: 4 * DAY, unwarnedOnly: false });
    const five = await query.find({ now, windowMs: 5 * DAY, unwarnedOnly: false });

    expect(refs(four)).toEqual(['warned/sec-1']);
    expect(refs(five)).toEqual(['warned/sec-1', 'in-window/sec-2']);
  });
});
