import { Connection, ConnectionStates } from 'mongoose';
import { HealthIndicator, singleFlight } from './health-indicator';

/** MongoDB is up when the server answers a ping on the service's own connection. */
export class MongoHealthIndicator implements HealthIndicator {
  readonly name = 'mongo';
  readonly check = singleFlight(() => this.probe());

  constructor(private readonly connection: Connection) {}

  private async probe(): Promise<void> {
    const db = this.connection.db;
    if (this.connection.readyState !== ConnectionStates.connected || !db) {
      throw new Error(
        `not connected (state ${ConnectionStates[this.connection.readyState]})`,
      );
    }
    await db.admin().ping();
  }
}
