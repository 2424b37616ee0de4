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
import { leaseOwner } from '../chain/chainer.service';
import { ChainStore } from '../chain/chain-store';
import { TamperEvidenceSettings } from '../chain/tamper-evidence.settings';
import { KEYRING } from '../chain/tamper-evidence.tokens';
import { WorkLoop } from '../chain/work-loop';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { Keyring } from '../checkpoints/keyring';
import { CLOCK } from '../tokens';
import { RetentionJob } from './retention-job';

export const RETENTION_LEASE = 'audit-retention';
/** A run deletes by scanning (FerretDB): give it minutes before another instance may start one. */
const RETENTION_LEASE_TTL_MS = 300_000;

/**
 * Runs the retention job every AUDIT_RETENTION_INTERVAL_MS on one instance at a time (a lease),
 * not at all when AUDIT_RETENTION_DAYS is 0.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loop: WorkLoop | undefined;
  private readonly lease: MongoLease | undefined;

  constructor(
    chain: ChainStore,
    checkpoints: CheckpointStore,
    @Inject(KEYRING) keyring: Keyring,
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CONFIG) config: TamperEvidenceSettings,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    if (config.AUDIT_RETENTION_DAYS === 0) return;
    const logger = rootLogger.child({ component: 'audit-retention' });
    const job = new RetentionJob({
      chain,
      checkpoints,
      keyring,
      clock,
      maxAgeDays: config.AUDIT_RETENTION_DAYS,
    });
    const lease = (this.lease = new MongoLease(connection, {
      name: RETENTION_LEASE,
      owner: leaseOwner(),
      ttlMs: RETENTION_LEASE_TTL_MS,
      clock,
    }));
    this.loop = new WorkLoop({
      name: 'audit-retention',
      intervalMs: config.AUDIT_RETENTION_INTERVAL_MS,
      logger,
      pass: async () => {
        if (!(await lease.tryAcquire())) return 'idle';
        const outcome = await job.runOnce();
        if (outcome.kind === 'refused')
          logger.error(outcome, 'retention refused to remove records');
        else if (outcome.kind === 'removed') logger.info(outcome, 'retention removed old records');
        return 'idle';
      },
    });
  }

  onApplicationBootstrap(): void {
    this.loop?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
    await this.lease?.release().catch(() => undefined);
  }
}
