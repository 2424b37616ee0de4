import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { EventStore, MongoSnapshotStore } from '@extapps/event-store';
import { MONGO_CONNECTION, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { PermissionsConfig } from '../config';
import { Aggregate, AggregateRepository } from './aggregate-repository';
import { snapshotsCollection } from './collections';
import { StoreIndexes } from './store-indexes';
import { CLOCK, EVENT_STORE } from './tokens';

/** Makes the repository of an aggregate kind on the service's event store (see aggregate-repository.ts). */
@Injectable()
export class AggregateRepositories {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: PermissionsConfig,
    private readonly indexes: StoreIndexes,
  ) {}

  create<S>(aggregate: Aggregate<S>): AggregateRepository<S> {
    return new AggregateRepository(aggregate, {
      store: this.store,
      snapshots: new MongoSnapshotStore<unknown>(this.connection, {
        collection: snapshotsCollection(aggregate.name),
        schemaVersion: aggregate.snapshot.schemaVersion,
      }),
      clock: this.clock,
      snapshotEvery: this.config.SNAPSHOT_EVERY,
      beforeAppend: () => this.indexes.ensure(),
    });
  }
}
