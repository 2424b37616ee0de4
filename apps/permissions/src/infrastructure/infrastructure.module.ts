import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { systemClock } from '@extapps/contracts';
import { MongoEventStore } from '@extapps/event-store';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AggregateRepositories } from './aggregate-repositories';
import { EVENTS_COLLECTION } from './collections';
import { CommandRunner } from './command-runner';
import { OutboxRelayService } from './outbox';
import { STORE_QUEUES } from './queues';
import { StoreIndexes } from './store-indexes';
import { CLOCK, EVENT_STORE, OUTBOX_WAKER } from './tokens';
import { AppendWakers } from './wakers';

const providers: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  {
    provide: EVENT_STORE,
    inject: [MONGO_CONNECTION],
    useFactory: (connection: Connection) =>
      new MongoEventStore(connection, { collection: EVENTS_COLLECTION, queues: STORE_QUEUES }),
  },
  StoreIndexes,
  AppendWakers,
  { provide: OUTBOX_WAKER, useExisting: AppendWakers },
  OutboxRelayService,
  AggregateRepositories,
  // Needs ACCESS_PROJECTION from a global module (the access index, or a test double).
  CommandRunner,
];

/**
 * The write side's shared adapters: one event store for every aggregate of the service, its
 * outbox relay to Kafka, repositories and the command runner. Global, so feature modules inject
 * them by class or token.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(): DynamicModule {
    return {
      module: InfrastructureModule,
      providers,
      exports: [
        CLOCK,
        EVENT_STORE,
        OUTBOX_WAKER,
        AppendWakers,
        StoreIndexes,
        AggregateRepositories,
        CommandRunner,
      ],
    };
  }
}
