import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { Clock, DEFAULT_RESOURCE_CATALOG, systemClock } from '@extapps/contracts';
import {
  EventStore,
  MongoEventStore,
  MongoSnapshotStore,
  SnapshotStore,
} from '@extapps/event-store';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { RegistrationConfig } from '../config';
import { ExternalAppState } from '../external-app';
import { PROJECTIONS_QUEUE } from '../external-app/projections/projections-worker';
import { AppNames, liveNameKey } from './app-names';
import { APP_STATE_SCHEMA_VERSION, AppRepository } from './app-repository';
import { KAFKA_QUEUE, OutboxRelayService } from './outbox';
import { EVENTS_COLLECTION, SNAPSHOTS_COLLECTION } from './collections';
import { StoreIndexes } from './store-indexes';
import { APP_SNAPSHOTS, CLOCK, EVENT_STORE, OUTBOX_WAKER, RESOURCE_CATALOG } from './tokens';

/** A name claim younger than this belongs to a command that may still be in flight. */
export const NAME_CLAIM_STALE_AFTER_MS = 60_000;

function providers(config: RegistrationConfig): Provider[] {
  return [
    { provide: CLOCK, useValue: systemClock },
    {
      provide: RESOURCE_CATALOG,
      useValue: config.RESOURCE_CATALOG_FILE?.catalog ?? DEFAULT_RESOURCE_CATALOG,
    },
    {
      provide: EVENT_STORE,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) =>
        new MongoEventStore(connection, {
          collection: EVENTS_COLLECTION,
          queues: [KAFKA_QUEUE, PROJECTIONS_QUEUE],
        }),
    },
    {
      provide: APP_SNAPSHOTS,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) =>
        new MongoSnapshotStore<ExternalAppState>(connection, {
          collection: SNAPSHOTS_COLLECTION,
          schemaVersion: APP_STATE_SCHEMA_VERSION,
        }),
    },
    {
      provide: AppRepository,
      inject: [EVENT_STORE, APP_SNAPSHOTS, CLOCK, StoreIndexes],
      useFactory: (
        store: EventStore,
        snapshots: SnapshotStore<ExternalAppState>,
        clock: Clock,
        indexes: StoreIndexes,
      ) =>
        new AppRepository({
          store,
          snapshots,
          clock,
          snapshotEvery: config.SNAPSHOT_EVERY,
          beforeAppend: () => indexes.ensure(),
        }),
    },
    {
      provide: AppNames,
      inject: [MONGO_CONNECTION, CLOCK, AppRepository],
      useFactory: (connection: Connection, clock: Clock, repository: AppRepository) =>
        new AppNames(connection, {
          clock,
          staleAfterMs: NAME_CLAIM_STALE_AFTER_MS,
          ownerHasName: async (appId, key) =>
            liveNameKey((await repository.load(appId)).state) === key,
        }),
    },
    StoreIndexes,
    OutboxRelayService,
    { provide: OUTBOX_WAKER, useExisting: OutboxRelayService },
  ];
}

/** The write side's adapters, global so every feature module injects them by token. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: RegistrationConfig): DynamicModule {
    const all = providers(config);
    return {
      module: InfrastructureModule,
      providers: all,
      exports: [
        CLOCK,
        RESOURCE_CATALOG,
        EVENT_STORE,
        APP_SNAPSHOTS,
        AppRepository,
        AppNames,
        StoreIndexes,
        OUTBOX_WAKER,
        OutboxRelayService,
      ],
    };
  }
}
