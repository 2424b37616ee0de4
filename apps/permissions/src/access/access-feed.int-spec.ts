import {
  EventEnvelope,
  EventRegistry,
  permissionsEvents,
  Principal,
  registrationEvents,
  tokenEvents,
  Topics,
} from '@extapps/contracts';
import { kafkaTestOptions } from '@extapps/event-store/testing';
import { EventPublisher, KafkaBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import pino from 'pino';
import { AccessFeed, ACCESS_TOPICS } from './access-feed';
import { AccessIndex } from './access-index';
import { AccessEvents } from './testing/access-events';
import { BUILT_IN_ROLES, CATALOG } from './testing/given-index';

const registry = new EventRegistry([...permissionsEvents, ...registrationEvents, ...tokenEvents]);
const TOPIC_OF: Record<string, string> = {
  Tenant: Topics.permissionsEvents,
  Folder: Topics.permissionsEvents,
  Role: Topics.permissionsEvents,
  User: Topics.tokenEvents,
};
const topicOf = (type: string) =>
  Object.entries(TOPIC_OF).find(([prefix]) => type.startsWith(prefix))?.[1] ??
  Topics.registrationEvents;

describe('AccessFeed on real Kafka', () => {
  let bus: KafkaBus;
  let publisher: EventPublisher;
  const feeds: AccessFeed[] = [];
  beforeAll(async () => {
    bus = new KafkaBus(kafkaTestOptions('access-feed'));
    await bus.ensureTopics(ACCESS_TOPICS);
    publisher = new EventPublisher(bus.producer, registry);
  });
  afterAll(async () => {
    for (const feed of feeds) await feed.onApplicationShutdown();
    await bus?.close();
  });

  /** Each event to its topic, in order. */
  const publish = async (...events: EventEnvelope[]) => {
    for (const event of events) await publisher.publish(topicOf(event.type), [event]);
  };

  function startFeed(): { index: AccessIndex; feed: AccessFeed } {
    const index = new AccessIndex({ catalog: CATALOG, builtInRoles: BUILT_IN_ROLES });
    const feed = new AccessFeed(index, bus, pino({ level: 'silent' }));
    feeds.push(feed);
    feed.onApplicationBootstrap();
    return { index, feed };
  }

  /** A tenant with folder > sub, an app and a user, each a Viewer-like custom role holder. */
  function world() {
    const e = new AccessEvents();
    const [tenant, folder, sub, role] = ['tenant', 'folder', 'sub', 'role'].map(uniqueName);
    const app: Principal = { type: 'app', id: uniqueName('app') };
    const user: Principal = { type: 'user', id: uniqueName('user') };
    const events = [
      e.tenantCreated(tenant),
      e.folderCreated(tenant, folder),
      e.folderCreated(tenant, sub, folder),
      e.roleCreated(role, tenant, ['Jobs.View']),
      e.appRegistered(app.id),
      e.userCreated(user.id),
      e.assigned(uniqueName('a'), {
        principal: app,
        roleId: role,
        tenantId: tenant,
        folderId: folder,
      }),
      e.assigned(uniqueName('a'), {
        principal: user,
        roleId: role,
        tenantId: tenant,
        folderId: null,
      }),
    ];
    const check = (principal: Principal, folderId?: string) => ({
      principal,
      permission: 'Jobs.View',
      tenantId: tenant,
      folderId,
    });
    return { e, events, tenant, folder, sub, role, app, user, check };
  }

  it('given events published before it starts, then it is ready only once it has applied them', async () => {
    const w = world();
    await publish(...w.events);

    const { index, feed } = startFeed();

    expect(feed.ready).toBe(false);
    await expect(feed.check()).rejects.toThrow();
    await eventually(() => feed.check(), { timeoutMs: 30_000, intervalMs: 100 });
    // No waiting past readiness: everything published before the start is in the index.
    expect(index.check(w.check(w.app, w.sub))).toMatchObject({ allowed: true });
    expect(index.check(w.check(w.user))).toMatchObject({ allowed: true });
  });

  it('given later events on each topic, then the running index follows them', async () => {
    const w = world();
    const { index, feed } = startFeed();
    await eventually(() => feed.check(), { timeoutMs: 30_000, intervalMs: 100 });

    await publish(...w.events);
    await eventually(() =>
      expect(index.check(w.check(w.app, w.sub))).toMatchObject({ allowed: true }),
    );

    await publish(w.e.appDisabled(w.app.id), w.e.userDeleted(w.user.id));
    await eventually(() => {
      expect(index.check(w.check(w.app, w.sub))).toMatchObject({
        reason: { code: 'principal-disabled' },
      });
      expect(index.check(w.check(w.user))).toMatchObject({ reason: { code: 'principal-deleted' } });
    });

    await publish(w.e.appEnabled(w.app.id), w.e.folderMoved(w.tenant, w.sub, null));
    await eventually(() =>
      expect(index.check(w.check(w.app, w.sub))).toMatchObject({ reason: { code: 'not-granted' } }),
    );
    expect(index.check(w.check(w.app, w.folder))).toMatchObject({ allowed: true });
  });

  it("given an own event applied before Kafka delivers it, then Kafka's copy changes nothing", async () => {
    const w = world();
    const { index, feed } = startFeed();
    await publish(...w.events);
    await eventually(() => feed.check(), { timeoutMs: 30_000, intervalMs: 100 });
    await eventually(() =>
      expect(index.check(w.check(w.app, w.sub))).toMatchObject({ allowed: true }),
    );
    const changed = w.e.roleChanged(w.role, w.tenant, ['Assets.View']);
    const restored = w.e.roleChanged(w.role, w.tenant, ['Jobs.View']);

    expect(index.apply(changed)).toBe('applied');
    expect(index.check(w.check(w.app, w.sub))).toMatchObject({ reason: { code: 'not-granted' } });
    await publish(changed, restored);

    await eventually(() =>
      expect(index.check(w.check(w.app, w.sub))).toMatchObject({ allowed: true }),
    );
  });

  it('given a message that is no valid event, then it is parked and the events after it apply', async () => {
    const w = world();
    const { index, feed } = startFeed();
    await eventually(() => feed.check(), { timeoutMs: 30_000, intervalMs: 100 });

    await bus.producer.send(Topics.permissionsEvents, [
      { key: w.tenant, value: '{"not":"an event"}' },
    ]);
    await publish(...w.events);

    await eventually(() =>
      expect(index.check(w.check(w.app, w.sub))).toMatchObject({ allowed: true }),
    );
  });
});
