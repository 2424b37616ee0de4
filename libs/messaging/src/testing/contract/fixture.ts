import {
  BatchConsumerOptions,
  BatchHandler,
  BatchingMessageBus,
  ConsumerOptions,
  MessageConsumer,
  MessageHandler,
  OutgoingMessage,
} from '../../ports';
import { uniqueName } from '@extapps/testing';

export interface ContractDeps {
  /** The bus must stamp dead letters with this clock. */
  readonly clock: () => Date;
}

export type MakeBus = (deps: ContractDeps) => BatchingMessageBus | Promise<BatchingMessageBus>;

/** What every contract test gets: a bus, fresh names, and consumers stopped after the test. */
export class ContractFixture {
  readonly now = new Date('2026-01-02T03:04:05.000Z');
  private current: BatchingMessageBus | undefined;
  private readonly started: MessageConsumer[] = [];
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly makeBus: MakeBus) {}

  get bus(): BatchingMessageBus {
    if (!this.current) throw new Error('the contract bus is not open');
    return this.current;
  }

  async open(): Promise<void> {
    this.current = await this.makeBus({ clock: () => this.now });
  }

  async close(): Promise<void> {
    await this.current?.close();
  }

  /** Stops what a test left running, without waiting for handlers the test left blocked. */
  async afterEach(): Promise<void> {
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    await Promise.all(this.started.splice(0).map((c) => c.stop({ graceMs: 0 })));
  }

  onCleanup(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  async topic(partitions = 1): Promise<string> {
    const topic = uniqueName('contract');
    await this.bus.ensureTopics([{ topic, partitions }]);
    return topic;
  }

  group(): string {
    return uniqueName('group');
  }

  async start(options: ConsumerOptions, handler: MessageHandler): Promise<MessageConsumer> {
    const consumer = this.track(
      this.bus.createConsumer({ fromBeginning: true, ...options }, handler),
    );
    await consumer.start();
    return consumer;
  }

  async startBatch(options: BatchConsumerOptions, handler: BatchHandler): Promise<MessageConsumer> {
    const consumer = this.track(
      this.bus.createBatchConsumer({ fromBeginning: true, ...options }, handler),
    );
    await consumer.start();
    return consumer;
  }

  /** Has the consumer stopped after the test. */
  track(consumer: MessageConsumer): MessageConsumer {
    this.started.push(consumer);
    return consumer;
  }

  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return this.bus.producer.send(topic, messages);
  }
}

export function text(key: string, ...values: string[]): OutgoingMessage[] {
  return values.map((value) => ({ key, value }));
}
