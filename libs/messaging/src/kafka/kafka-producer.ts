import { Kafka, Partitioners, Producer } from 'kafkajs';
import { MessageProducer, OutgoingMessage } from '../ports';

/**
 * Idempotent producer with acks=all: a retried send never duplicates or reorders a message, and
 * an acknowledged one survives the loss of a broker. One in-flight request keeps per-key order.
 */
export class KafkaProducer implements MessageProducer {
  private connecting: Promise<Producer> | undefined;
  private closed = false;

  constructor(private readonly kafka: Kafka) {}

  async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connected();
    await producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({
        key: m.key,
        value: m.value,
        headers: { ...m.headers },
      })),
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const producer = await this.connecting?.catch(() => undefined);
    await producer?.disconnect();
  }

  private connected(): Promise<Producer> {
    if (this.closed) return Promise.reject(new Error('the message producer is closed'));
    if (!this.connecting) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // Chosen explicitly: the Java-compatible murmur2 partitioner, which kafkajs 2 defaults to.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.connecting = producer.connect().then(
        () => producer,
        (error: unknown) => {
          // The next send tries again instead of failing forever on one bad start.
          this.connecting = undefined;
          throw error;
        },
      );
    }
    return this.connecting;
  }
}
