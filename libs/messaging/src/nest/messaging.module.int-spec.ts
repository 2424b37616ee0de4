import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { KafkaBus } from '../kafka/kafka-bus';
import { MessageBus } from '../ports';
import { eventually, uniqueName } from '@extapps/testing';
import { collector } from '../testing';
import { observerAdmin, testBrokers, testBusOptions } from '../testing/kafka-fixture';
import { MESSAGE_BUS, MessagingModule } from './messaging.module';

@Injectable()
class BrokerSettings {
  readonly brokers = testBrokers;
}

@Module({ providers: [BrokerSettings], exports: [BrokerSettings] })
class SettingsModule {}

describe('MessagingModule', () => {
  const admin = observerAdmin();

  it('provides a Kafka bus and closes it on shutdown: consumers commit and leave the group', async () => {
    const app = await Test.createTestingModule({
      imports: [MessagingModule.forRoot(testBusOptions('nest'))],
    }).compile();
    await app.init();
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    expect(bus).toBeInstanceOf(KafkaBus);
    expect(await bus.ping(2_000)).toBe(true);

    const topic = uniqueName('nest');
    const groupId = uniqueName('group');
    await bus.ensureTopics([{ topic, partitions: 1 }]);
    await bus.producer.send(topic, [{ key: 'k', value: 'v' }]);
    const seen = collector();
    await bus
      .createConsumer({ groupId, topics: [topic], fromBeginning: true }, seen.handler)
      .start();
    await eventually(() => expect(seen.values()).toEqual(['v']));

    await app.close();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(offsets.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '1' })]);
    expect((await admin.describeGroups([groupId])).groups[0].state).toBe('Empty');
    expect(() => bus.createConsumer({ groupId, topics: [topic] }, seen.handler)).toThrow('closed');
  });

  it('builds the bus from injected settings with forRootAsync', async () => {
    const app = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync({
          imports: [SettingsModule],
          inject: [BrokerSettings],
          useFactory: (settings: BrokerSettings) => ({
            brokers: settings.brokers,
            clientId: uniqueName('nest'),
          }),
        }),
      ],
    }).compile();
    await app.init();
    expect(await app.get<MessageBus>(MESSAGE_BUS).ping(2_000)).toBe(true);
    await app.close();
  });
});
