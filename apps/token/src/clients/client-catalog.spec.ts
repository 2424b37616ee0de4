import { EventRegistry, registrationEvents, Topics } from '@extapps/contracts';
import { EventPublisher, InMemoryBus } from '@extapps/messaging';
import { eventually } from '@extapps/testing';
import pino from 'pino';
import { AppStream, newSecret } from '../testing/app-events';
import { ClientCatalog } from './client-catalog';

const TOPIC = Topics.registrationEvents;

describe('ClientCatalog (in-memory bus)', () => {
  let bus: InMemoryBus;
  let publisher: EventPublisher;
  const catalogs: ClientCatalog[] = [];
  const catalogOn = (target: InMemoryBus) => {
    const catalog = new ClientCatalog(target, pino({ level: 'silent' }));
    catalogs.push(catalog);
    return catalog;
  };

  beforeEach(async () => {
    bus = new InMemoryBus();
    await bus.ensureTopics([{ topic: TOPIC, partitions: 3 }]);
    publisher = new EventPublisher(bus.producer, new EventRegistry([...registrationEvents]));
  });
  afterEach(async () => {
    await Promise.all(catalogs.splice(0).map((c) => c.onApplicationShutdown()));
    await bus.close();
  });

  it('is not ready before it reads the topic', async () => {
    const catalog = catalogOn(bus);
    expect(catalog.ready).toBe(false);
    await expect(catalog.check()).rejects.toThrow(`not reading ${TOPIC} yet`);
  });

  it('holds every app published before its start once ready', async () => {
    const apps = Array.from({ length: 20 }, () => new AppStream());
    await publisher.publish(
      TOPIC,
      apps.map((a) => a.registeredConfidential(newSecret())),
    );
    await publisher.publish(TOPIC, [apps[3].disabled()]);
    const catalog = catalogOn(bus);
    catalog.onApplicationBootstrap();
    await eventually(() => expect(catalog.ready).toBe(true));
    await expect(catalog.check()).resolves.toBeUndefined();
    expect(apps.map((a) => catalog.find(a.appId)?.status)).toEqual(
      apps.map((_, i) => (i === 3 ? 'disabled' : 'active')),
    );
  });

  it('is ready at once on an empty topic', async () => {
    const catalog = catalogOn(bus);
    catalog.onApplicationBootstrap();
    await eventually(() => expect(catalog.ready).toBe(true));
  });

  it('counts an unreadable message at the end of the topic as read, once parked', async () => {
    const app = new AppStream();
    await publisher.publish(TOPIC, [app.registeredConfidential(newSecret())]);
    await bus.producer.send(TOPIC, [{ key: app.appId, value: '{not an event' }]);
    const catalog = catalogOn(bus);
    catalog.onApplicationBootstrap();
    await eventually(() => expect(catalog.find(app.appId)).toBeDefined());
    expect(catalog.ready).toBe(false);
    await eventually(() => catalog.check());
    expect(catalog.ready).toBe(true);
  });

  it('applies what is published later, and every instance reads every app', async () => {
    const app = new AppStream();
    await publisher.publish(TOPIC, [app.registeredConfidential(newSecret())]);
    const [first, second] = [catalogOn(bus), catalogOn(bus)];
    first.onApplicationBootstrap();
    second.onApplicationBootstrap();
    await eventually(() => expect(first.ready && second.ready).toBe(true));
    await publisher.publish(TOPIC, [app.deleted()]);
    await eventually(() => {
      expect(first.find(app.appId)?.status).toBe('deleted');
      expect(second.find(app.appId)?.status).toBe('deleted');
    });
  });

  it('reads a topic the registration service has not created yet, creating it', async () => {
    const empty = new InMemoryBus();
    const catalog = catalogOn(empty);
    catalog.onApplicationBootstrap();
    await eventually(() => expect(catalog.ready).toBe(true));
    expect(await empty.endOffsets(TOPIC)).toHaveLength(3);
    await catalog.onApplicationShutdown();
    await empty.close();
  });
});
