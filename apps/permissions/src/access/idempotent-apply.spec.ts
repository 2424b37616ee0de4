import { Principal } from '@extapps/contracts';
import { AccessEvents } from './testing/access-events';
import { givenIndex } from './testing/given-index';

const APP: Principal = { type: 'app', id: 'app-1' };
const jobsView = (folderId?: string) => ({
  principal: APP,
  permission: 'Jobs.View',
  tenantId: 't1',
  folderId,
});

describe('AccessIndex applying envelopes idempotently by (streamId, streamVersion)', () => {
  it('given every event applied twice (own write, then Kafka), then the index is as after once', () => {
    const e = new AccessEvents();
    const events = [
      e.tenantCreated('t1'),
      e.folderCreated('t1', 'f1'),
      e.appRegistered('app-1'),
      e.roleCreated('jobs', 't1', ['Jobs.View']),
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f1' }),
      e.appDisabled('app-1'),
      e.appEnabled('app-1'),
    ];
    const index = givenIndex(...events);

    expect(events.map((event) => index.apply(event))).toEqual(events.map(() => 'duplicate'));
    expect(index.byPrincipal(APP)).toHaveLength(1);
    expect(index.check(jobsView('f1'))).toMatchObject({ allowed: true });
  });

  it('given an unassignment, then a replayed RoleAssigned does not bring the assignment back', () => {
    const e = new AccessEvents();
    const assigned = e.assigned('a1', {
      principal: APP,
      roleId: 'r',
      tenantId: 't1',
      folderId: null,
    });
    const index = givenIndex(e.tenantCreated('t1'), assigned, e.unassigned('a1'));

    expect(index.apply(assigned)).toBe('duplicate');
    expect(index.inTenant('t1')).toEqual([]);
  });

  it('given a stale app event replayed after a later one, then it changes nothing', () => {
    const e = new AccessEvents();
    const registered = e.appRegistered('app-1');
    const off = e.appDisabled('app-1');
    const index = givenIndex(registered, off, e.appEnabled('app-1'));

    expect(index.apply(off)).toBe('duplicate');
    expect(index.lookup(APP)).toEqual({ kind: 'eligible' });
  });

  it('given an own event ahead of Kafka, then it waits for the earlier version and both apply', () => {
    const e = new AccessEvents();
    const created = e.tenantCreated('t1');
    const parent = e.folderCreated('t1', 'f1'); // written by another instance, still in Kafka
    const child = e.folderCreated('t1', 'f2', 'f1'); // written here, applied right away
    const index = givenIndex(created);

    expect(index.apply(child)).toBe('held');
    expect(index.folderExists('t1', 'f2')).toBe(false);
    expect(index.stats().heldEvents).toBe(1);

    expect(index.apply(parent)).toBe('applied');
    expect(index.folderExists('t1', 'f2')).toBe(true);
    expect(index.apply(child)).toBe('duplicate');
    expect(index.stats().heldEvents).toBe(0);
  });

  it('given an event type the index does not follow, then it is ignored', () => {
    const index = givenIndex();

    expect(index.apply({ type: 'SomethingElse', streamId: 's', streamVersion: 1, data: {} })).toBe(
      'ignored',
    );
  });
});
