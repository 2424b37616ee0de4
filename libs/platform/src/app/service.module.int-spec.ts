import { KafkaBus, MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import { Connection, ConnectionStates } from 'mongoose';
import { probeService } from '../testing/probe-service';
import { startService } from '../testing/service-app';
import { MONGO_CONNECTION } from '../tokens';

describe('ServiceModule against the real servers', () => {
  it('gives the service one KafkaBus on its root logger, closed with MongoDB on shutdown', async () => {
    const service = await startService(probeService);
    const bus = service.app.get<MessageBus>(MESSAGE_BUS);
    const connection = service.app.get<Connection>(MONGO_CONNECTION);
    expect(bus).toBeInstanceOf(KafkaBus);

    const topic = uniqueName('platform');
    const groupId = uniqueName('group');
    await bus.ensureTopics([{ topic, partitions: 1 }]);
    await bus.producer.send(topic, [{ key: 'k', value: 'v' }]);
    const seen: string[] = [];
    await bus
      .createConsumer(
        { groupId, topics: [topic], fromBeginning: true },
        async (message) => void seen.push(message.value.toString()),
      )
      .start();
    await eventually(() => expect(seen).toEqual(['v']));
    await eventually(() => expect(connection.readyState).toBe(ConnectionStates.connected));

    // kafkajs logs through the service's logger; the broker derives member ids from the client id.
    expect(service.logs.lines()).toContainEqual(
      expect.objectContaining({
        service: 'probe',
        kafkajs: 'ConsumerGroup',
        groupId,
        memberId: expect.stringMatching(/^probe-/),
      }),
    );

    await service.close();
    expect(() => bus.createConsumer({ groupId, topics: [topic] }, async () => undefined)).toThrow(
      'closed',
    );
    expect(connection.readyState).toBe(ConnectionStates.disconnected);
  });
});
