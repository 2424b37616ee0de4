import { MessageBus } from '@extapps/messaging';
import { HealthIndicator, singleFlight } from './health-indicator';

/**
 * Kafka is up when the service's message bus reaches the cluster. The ping never hangs and never
 * retries: readiness wants the current state, not eventual success.
 */
export class KafkaHealthIndicator implements HealthIndicator {
  readonly name = 'kafka';
  readonly check = singleFlight(() => this.probe());

  constructor(
    private readonly bus: Pick<MessageBus, 'ping'>,
    private readonly timeoutMs: number,
  ) {}

  private async probe(): Promise<void> {
    if (!(await this.bus.ping(this.timeoutMs)))
      throw new Error(`no broker answered within ${this.timeoutMs} ms`);
  }
}
