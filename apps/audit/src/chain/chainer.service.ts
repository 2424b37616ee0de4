import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { MongoLease } from '@extapps/event-store';
import { Logger, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { CheckpointWriter } from '../checkpoints/checkpoint-writer';
import { Keyring } from '../checkpoints/keyring';
import { CLOCK } from '../tokens';
import { ChainStore } from './chain-store';
import { Chainer, ChainerWake } from './chainer';
import { KEYRING } from './tamper-evidence.tokens';
import { TamperEvidenceSettings } from './tamper-evidence.settings';

export const CHAINER_LEASE = 'audit-chainer';
/** Longer than the slowest pass (a backlog on FerretDB); also how long a crashed holder blocks the chain. */
const CHAINER_LEASE_TTL_MS = 30_000;

/** Instance ids for leases: host, process and a random part (two processes per pid namespace). */
export function leaseOwner(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Runs the chainer for the service's lifetime. Starting only launches the loop, so MongoDB being
 * down never blocks start-up; passes fail and back off until it answers.
 */
@Injectable()
export class ChainerService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, ChainerWake
{
  private readonly chainer: Chainer;

  constructor(
    chain: ChainStore,
    checkpoints: CheckpointStore,
    @Inject(KEYRING) keyring: Keyring,
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) config: TamperEvidenceSettings,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.chainer = new Chainer({
      store: chain,
      checkpoints: new CheckpointWriter({
        store: checkpoints,
        keyring,
        clock,
        policy: {
          everyRecords: config.AUDIT_CHECKPOINT_EVERY_RECORDS,
          everyMs: config.AUDIT_CHECKPOINT_EVERY_MS,
        },
      }),
      lease: new MongoLease(connection, {
        name: CHAINER_LEASE,
        owner: leaseOwner(),
        ttlMs: CHAINER_LEASE_TTL_MS,
        clock,
      }),
      batchSize: config.AUDIT_CHAIN_BATCH_SIZE,
      pollIntervalMs: config.AUDIT_CHAIN_POLL_INTERVAL_MS,
      logger: logger.child({ component: 'audit-chainer' }),
    });
  }

  onApplicationBootstrap(): void {
    this.chainer.start();
  }

  /** Runs before the MongoDB connection closes (onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.chainer.stop();
  }

  wake(): void {
    this.chainer.wake();
  }
}
