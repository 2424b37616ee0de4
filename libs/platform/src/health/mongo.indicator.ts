import { pingMongo } from '@extapps/mongo';
import { Connection, ConnectionStates } from 'mongoose';
import { HealthIndicator, singleFlight } from './health-indicator';

/** MongoDB is up when the server answers a ping on the service's own connection. */
export class MongoHealthIndicator implements HealthIndicator {
  readonly name = 'mongo';
  readonly check = singleFlight(() => this.probe());

  constructor(private readonly connection: Connection) {}

  private async probe(): Promise<void> {
    const state = this.connection.readyState;
    // Asked first so a known-down connection answers at once, with its state as the reason.
    if (state !== ConnectionStates.connected)
      throw new Error(`not connected (state ${ConnectionStates[state]})`);
    if (!(await pingMongo(this.connection))) throw new Error('no answer to ping');
  }
}
