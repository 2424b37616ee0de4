import { EventEnvelope } from '@extapps/contracts';
import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, mongo } from 'mongoose';
import { assertFollows, checkQueueNames, unknownQueue } from '../append-rules';
import {
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  WorkQueue,
  WrongExpectedVersion,
} from '../ports';
import { EventDocument, eventModel, toDocument, toStored } from './event-document';
import { MongoWorkQueue, serialized } from './mongo-work-queue';
import { PositionCounter } from './position-counter';

export interface MongoEventStoreOptions {
  readonly collection: string;
  /** Every append enqueues its event on each of these queues, e.g. `['kafka', 'projections']`. */
  readonly queues: readonly string[];
}

const MAX_POSITION_ATTEMPTS = 20;

/**
 * The event store on MongoDB (and FerretDB), without multi-document transactions: an append
 * writes exactly one document, and unique indexes decide every race: (streamId, streamVersion)
 * lets one writer win a version, `position` keeps positions unique.
 *
 * The global position comes from a counter taken after the expected-version check. Caveats:
 * an append that then loses leaves a gap, and across streams position n+1 may become visible
 * before n (two appends in flight), so a reader paging through readAll may pass n by. Work
 * queues do not have that problem: an event stays pending until acknowledged. Within a stream
 * positions follow versions: version v+1 is placed above version v's position.
 */
export class MongoEventStore implements EventStore {
  private readonly model: Model<EventDocument>;
  private readonly positions: PositionCounter;
  private readonly queues = new Map<string, WorkQueue>();

  constructor(connection: Connection, options: MongoEventStoreOptions) {
    this.model = eventModel(connection, options.collection);
    this.positions = new PositionCounter(connection, `${options.collection}.position`);
    const serial = serialized();
    for (const name of checkQueueNames(options.queues)) {
      this.queues.set(name, new MongoWorkQueue(this.model, name, serial));
    }
  }

  /** Creates the indexes appends and queues rely on; call once at start-up (autoIndex is off). */
  async init(): Promise<void> {
    const indexes: mongo.IndexDescription[] = [
      { key: { streamId: 1, streamVersion: 1 }, name: 'stream_version', unique: true },
      { key: { position: 1 }, name: 'position', unique: true },
      ...[...this.queues.keys()].map((queue) => ({
        key: { [`pending.${queue}`]: 1, position: 1 },
        name: `pending_${queue}`,
      })),
    ];
    // One index per call: FerretDB 1.24 drops the connection (a server panic) when one call
    // re-creates several existing indexes, which every start-up after the first would do.
    for (const index of indexes) await this.model.collection.createIndexes([index]);
  }

  async append(event: EventEnvelope, expectedVersion: number): Promise<StoredEvent> {
    assertFollows(event, expectedVersion);
    // Checking that the expected version exists stops an append expecting 3 on a stream at 1
    // from inserting version 4, a hole the unique index cannot see.
    const below = expectedVersion === 0 ? 0 : await this.positionOf(event, expectedVersion);
    if (below === null) throw await this.conflict(event.streamId, expectedVersion);
    let atLeast = below + 1;
    for (let attempt = 1; ; attempt++) {
      const position = Math.max(await this.positions.next(), atLeast);
      try {
        await this.model.create(toDocument(event, position, [...this.queues.keys()]));
        return { position, event };
      } catch (error) {
        if (!asDuplicateKeyConflict(error)) throw error;
        await this.refuseUnlessPositionTaken(event, expectedVersion, error);
        if (attempt >= MAX_POSITION_ATTEMPTS) {
          throw new Error(`no free position for ${event.eventId} after ${attempt} attempts`);
        }
        atLeast = Math.max(position, await this.lastPosition()) + 1;
        await this.positions.raiseTo(atLeast - 1);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const versions: Record<string, number> = { $gte: options.fromVersion ?? 1 };
    if (options.toVersion !== undefined) versions['$lte'] = options.toVersion;
    const documents = await this.model
      .find({ streamId, streamVersion: versions })
      .sort({ streamVersion: 1 })
      .lean<EventDocument[]>();
    return documents.map(toStored);
  }

  async streamVersion(streamId: string): Promise<number> {
    const last = await this.model
      .findOne({ streamId }, { streamVersion: 1 })
      .sort({ streamVersion: -1 })
      .lean<Pick<EventDocument, 'streamVersion'>>();
    return last?.streamVersion ?? 0;
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const documents = await this.model
      .find({ position: { $gt: options.afterPosition ?? 0 } })
      .sort({ position: 1 })
      .limit(options.limit)
      .lean<EventDocument[]>();
    return documents.map(toStored);
  }

  queue(name: string): WorkQueue {
    const queue = this.queues.get(name);
    if (!queue) throw unknownQueue(name, [...this.queues.keys()]);
    return queue;
  }

  /**
   * FerretDB does not say which unique index refused the insert: the stream having moved on
   * means a lost race, the event id being stored means a repeated append; else the position was
   * taken (FerretDB's counter handed it out twice) and the caller tries a higher one.
   */
  private async refuseUnlessPositionTaken(
    event: EventEnvelope,
    expectedVersion: number,
    cause: unknown,
  ): Promise<void> {
    const conflict = await this.conflict(event.streamId, expectedVersion);
    if (conflict.currentVersion !== expectedVersion) throw conflict;
    if (await this.model.exists({ _id: event.eventId })) {
      throw new Error(`event ${event.eventId} is stored already`, { cause });
    }
  }

  private async positionOf(event: EventEnvelope, streamVersion: number): Promise<number | null> {
    const found = await this.model
      .findOne({ streamId: event.streamId, streamVersion }, { position: 1 })
      .lean<Pick<EventDocument, 'position'>>();
    return found?.position ?? null;
  }

  private async lastPosition(): Promise<number> {
    const last = await this.model
      .findOne({}, { position: 1 })
      .sort({ position: -1 })
      .lean<Pick<EventDocument, 'position'>>();
    return last?.position ?? 0;
  }

  private async conflict(streamId: string, expectedVersion: number) {
    return new WrongExpectedVersion(streamId, expectedVersion, await this.streamVersion(streamId));
  }
}
