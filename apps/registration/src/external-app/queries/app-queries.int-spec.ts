import { ManualClock } from '@extapps/testing';
import { ecKey, newSecret } from '../testing/fixtures';
import {
  day,
  readSide,
  ReadSide,
  registerApp,
  registerPublicApp,
} from '../projections/testing/read-side-fixture';
import { AppHistory } from './app-history';
import { AppQueries } from './app-queries';
import { historyQuerySchema, listAppsQuerySchema } from './schemas';

const list = (queries: AppQueries, params: Record<string, string>) =>
  queries.list(listAppsQuerySchema.parse(params));

describe('app queries on MongoDB', () => {
  let side: ReadSide;
  let queries: AppQueries;
  let history: AppHistory;
  const clock = new ManualClock(day(40));

  beforeAll(async () => {
    side = await readSide('queries');
    queries = new AppQueries(side.views, side.usage, side.store, clock);
    history = new AppHistory(side.store);
    // Three apps share one creation instant: the id breaks the tie in the list order.
    await side.given('a-billing', [registerApp('a-billing', 'Billing robot', day(1))]);
    await side.given('b-export', [registerApp('b-export', 'billing EXPORT', day(2))]);
    await side.given('c-desktop', [registerPublicApp('c-desktop', 'Desktop assistant', day(2))]);
    await side.given('d-dotted', [registerApp('d-dotted', 'a.b', day(2))]);
    await side.given('e-disabled', [
      registerApp('e-disabled', 'Disabled one', day(3)),
      { command: { type: 'DisableExternalApp' }, at: day(4) },
    ]);
    await side.given('f-deleted', [
      registerApp('f-deleted', 'Deleted billing', day(3)),
      { command: { type: 'DeleteExternalApp' }, at: day(5) },
    ]);
    for (let i = 0; i < 14; i++) {
      const id = `g-${String(i).padStart(2, '0')}`;
      await side.given(id, [registerApp(id, `Fleet robot ${i}`, day(6 + (i % 4)))]);
    }
  });
  afterAll(() => side.close());

  const idsOf = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);

  it('lists every app but deleted ones by default, oldest first, ties by id', async () => {
    const page = await list(queries, { limit: '100' });

    expect(idsOf(page).slice(0, 5)).toEqual([
      'a-billing',
      'b-export',
      'c-desktop',
      'd-dotted',
      'e-disabled',
    ]);
    expect(idsOf(page)).toHaveLength(19);
    expect(idsOf(page)).not.toContain('f-deleted');
    expect(page.nextCursor).toBeNull();
  });

  it('filters by a case-insensitive name substring, taken literally', async () => {
    expect(idsOf(await list(queries, { name: 'BILLING' }))).toEqual(['a-billing', 'b-export']);
    expect(idsOf(await list(queries, { name: 'a.b' }))).toEqual(['d-dotted']);
    expect(idsOf(await list(queries, { name: 'billing', status: 'deleted' }))).toEqual([
      'f-deleted',
    ]);
  });

  it('filters by type and status', async () => {
    expect(idsOf(await list(queries, { type: 'non-confidential' }))).toEqual(['c-desktop']);
    expect(idsOf(await list(queries, { status: 'disabled' }))).toEqual(['e-disabled']);
    expect(
      idsOf(await list(queries, { status: 'active', type: 'confidential', name: 'one' })),
    ).toEqual([]);
  });

  it('pages through every app exactly once, in order, across ties and page ends', async () => {
    const all = idsOf(await list(queries, { limit: '100' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(queries, { limit: '4', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);

    expect(seen).toEqual(all);
    expect(pages).toBe(5);
  });

  it('shows one app with its secrets, their status at now and their last use', async () => {
    await side.given('h-secrets', [
      registerApp('h-secrets', 'Rotating robot', day(10), day(50)),
      { command: { type: 'AddSecret', ...newSecret(2, day(30)) }, at: day(11) },
      { command: { type: 'AddSecret', ...newSecret(3) }, at: day(12) },
      { command: { type: 'RevokeSecret', secretId: 'sec-3' }, at: day(13) },
    ]);
    await side.usage.recordUse('h-secrets', 'sec-1', day(20));
    await side.usage.recordUse('h-secrets', 'sec-1', day(15));

    const app = await queries.get('h-secrets');

    expect(app).toMatchObject({
      id: 'h-secrets',
      name: 'Rotating robot',
      status: 'active',
      version: 4,
    });
    expect(app?.secrets).toEqual([
      {
        id: 'sec-1',
        description: 'secret 1',
        createdAt: day(10).toISOString(),
        expiresAt: day(50).toISOString(),
        revokedAt: null,
        lastUsedAt: day(20).toISOString(),
        status: 'active',
      },
      expect.objectContaining({ id: 'sec-2', status: 'expired', lastUsedAt: null }),
      expect.objectContaining({ id: 'sec-3', status: 'revoked', revokedAt: day(13).toISOString() }),
    ]);
    expect(await queries.get('nobody')).toBeNull();
  });

  it('shows the app as it was at an instant, from the log', async () => {
    await side.given('i-history', [
      registerApp('i-history', 'First name', day(1)),
      { command: { type: 'RenameExternalApp', name: 'Second name' }, at: day(3) },
      { command: { type: 'DisableExternalApp' }, at: day(5) },
    ]);

    expect(await queries.getAsOf('i-history', new Date(day(1).getTime() - 1))).toBeNull();
    expect(await queries.getAsOf('i-history', day(1))).toMatchObject({
      name: 'First name',
      version: 1,
    });
    expect(await queries.getAsOf('i-history', day(4))).toMatchObject({
      name: 'Second name',
      status: 'active',
      version: 2,
    });
    expect(await queries.getAsOf('i-history', day(99))).toEqual(await queries.get('i-history'));
  });

  it('pages through the history oldest first, with actors, before/after and no hashes', async () => {
    await side.given('j-log', [
      registerApp('j-log', 'Log robot', day(1)),
      { command: { type: 'RenameExternalApp', name: 'Log robot 2' }, at: day(2) },
      { command: { type: 'AddSecret', ...newSecret(2) }, at: day(3) },
    ]);

    const first = await history.page('j-log', historyQuerySchema.parse({ limit: '2' }));
    const cursor = first?.nextCursor ?? '';
    const second = await history.page('j-log', historyQuerySchema.parse({ limit: '2', cursor }));

    expect(first?.items.map((e) => [e.version, e.type])).toEqual([
      [1, 'ExternalAppRegistered'],
      [2, 'ExternalAppRenamed'],
    ]);
    expect(first?.items[1]).toMatchObject({
      occurredAt: day(2).toISOString(),
      actor: { type: 'user', id: 'admin-1' },
      correlationId: 'corr-j-log-2',
      data: { before: 'Log robot', after: 'Log robot 2' },
    });
    expect(second).toEqual({ items: [expect.objectContaining({ version: 3 })], nextCursor: null });
    const all = JSON.stringify([first, second]);
    expect(all).not.toContain('sha256:');
    expect(all).not.toContain('hashAlgorithm');
    expect(second?.items[0]?.data).toEqual({
      secretId: 'sec-2',
      description: 'secret 2',
      expiresAt: null,
    });
    expect(await history.page('nobody', historyQuerySchema.parse({}))).toBeNull();
  });

  it('shows keys and token lifetime now, as of an instant, and with before/after in the history', async () => {
    const jwks = { keys: [ecKey('k-1').public] };
    const registration = registerApp('k-keys', 'Keyed robot', day(1));
    await side.given('k-keys', [
      { ...registration, command: { ...registration.command, accessTokenLifetimeSeconds: 900 } },
      { command: { type: 'ChangeClientKeys', jwks }, at: day(2) },
      { command: { type: 'ChangeAccessTokenLifetime', seconds: null }, at: day(3) },
    ]);

    expect(await queries.get('k-keys')).toMatchObject({
      jwks,
      accessTokenLifetimeSeconds: null,
      version: 3,
    });
    expect(await queries.getAsOf('k-keys', day(1))).toMatchObject({
      jwks: null,
      accessTokenLifetimeSeconds: 900,
    });
    expect(await queries.getAsOf('k-keys', day(2))).toMatchObject({
      jwks,
      accessTokenLifetimeSeconds: 900,
    });
    const page = await history.page('k-keys', historyQuerySchema.parse({}));
    expect(page?.items.map((e) => [e.type, e.data])).toEqual([
      ['ExternalAppRegistered', expect.objectContaining({ accessTokenLifetimeSeconds: 900 })],
      ['ClientKeysChanged', { before: null, after: jwks }],
      ['AccessTokenLifetimeChanged', { before: 900, after: null }],
    ]);
  });
});
