import { OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { HealthIndicator, singleFlight } from './health-indicator';

/**
 * Kafka is up when a broker answers a metadata request. The admin connection is kept between
 * probes (a probe is then one round trip) and dropped after a failure so the next probe
 * reconnects from scratch. No retries: readiness wants the current state, not eventual success.
 */
export class KafkaHealthIndicator
  implements HealthIndicator, OnApplicationShutdown
{
  readonly name = 'kafka';
  private admin: Admin | undefined;
  readonly check = singleFlight(() => this.probe());

  constructor(private readonly kafka: Kafka) {}

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect();
  }

  private async probe(): Promise<void> {
    try {
      if (!this.admin) {
        const admin = this.kafka.admin({ retry: { retries: 0 } });
        this.admin = admin;
        await admin.connect();
      }
      await this.admin.describeCluster();
    } catch (error) {
      // Fire and forget: disconnecting from an unreachable broker must not delay the answer.
      this.close().catch(() => undefined);
      throw error;
    }
  }
}
