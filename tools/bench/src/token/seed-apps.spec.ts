import {
  clientSecretMatches,
  EventRegistry,
  registrationEvents,
  RegistrationEvent,
} from '@extapps/contracts';
import { InMemoryBus } from '@extapps/messaging';
import {
  LOAD_RESOURCE,
  LOAD_SCOPES,
  REGISTRATION_PARTITIONS,
  RegistrationTopic,
  secretRevoked,
  seedApps,
} from './seed-apps';

const registry = new EventRegistry([...registrationEvents]);

function registered(event: RegistrationEvent) {
  if (event.type !== 'ExternalAppRegistered') throw new Error(`expected a registration`);
  return event.data;
}

describe('seedApps', () => {
  it('registers confidential apps the contracts accept, each with its own id and secret', () => {
    const { events } = seedApps(50, 0);

    expect(events).toHaveLength(50);
    for (const event of events) expect(() => registry.parse(event)).not.toThrow();
    expect(new Set(events.map((e) => e.streamId)).size).toBe(50);
    const secrets = events.map((e) => registered(e).firstSecret?.hash);
    expect(new Set(secrets).size).toBe(50);
    expect(events.every((e) => registered(e).type === 'confidential')).toBe(true);
  });

  it('gives every app application scopes of one resource, so a token needs no resource choice', () => {
    const data = registered(seedApps(1, 0).events[0]);

    expect(data.applicationScopes.map((g) => g.scope)).toEqual([...LOAD_SCOPES]);
    expect(new Set(data.applicationScopes.map((g) => g.resource))).toEqual(
      new Set([LOAD_RESOURCE]),
    );
  });

  it('keeps the plaintext secrets of the first apps only, matching their published hashes', () => {
    const { events, known } = seedApps(10, 3);

    expect(known.map((k) => k.clientId)).toEqual(events.slice(0, 3).map((e) => e.streamId));
    known.forEach((app, i) => {
      const secret = registered(events[i]).firstSecret;
      expect(secret?.secretId).toBe(app.secretId);
      expect(clientSecretMatches(app.secret, secret?.hash ?? '')).toBe(true);
    });
  });

  it('never puts a plaintext secret into an event', () => {
    const { events, known } = seedApps(5, 5);

    const published = JSON.stringify(events);
    for (const app of known) expect(published).not.toContain(app.secret);
  });
});

describe('secretRevoked', () => {
  it('revokes the first secret as the app stream next event, valid by the contracts', () => {
    const { known } = seedApps(1, 1);

    const event = secretRevoked(known[0]);

    expect(registry.parse(event)).toMatchObject({
      type: 'SecretRevoked',
      streamId: known[0].clientId,
      streamVersion: 2,
      data: { secretId: known[0].secretId },
    });
    expect(JSON.stringify(event)).not.toContain(known[0].secret);
  });
});

describe('RegistrationTopic', () => {
  it('creates the topic with the registration service partitions and publishes every batch', async () => {
    const bus = new InMemoryBus();
    const topic = new RegistrationTopic(bus);

    await topic.ensure();
    await topic.publish(seedApps(7, 0).events, 3);

    const ends = await bus.endOffsets('extapps.registration.events.v1');
    expect(ends).toHaveLength(REGISTRATION_PARTITIONS);
    expect(ends.reduce((sum, end) => sum + Number(end.offset), 0)).toBe(7);
  });
});
