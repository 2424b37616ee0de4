import { Global, Module } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { MONGO_CONNECTION, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { Keyring } from '../checkpoints/keyring';
import { KeysController } from '../checkpoints/keys.controller';
import { RetentionService } from '../retention/retention.service';
import { CHAINER_WAKE, CLOCK } from '../tokens';
import { ChainVerifier } from '../verify/chain-verifier';
import { VerifyController } from '../verify/verify.controller';
import { ChainStore } from './chain-store';
import { ChainerService } from './chainer.service';
import { TamperEvidenceSettings } from './tamper-evidence.settings';
import { KEYRING } from './tamper-evidence.tokens';

/**
 * The hash chain (chainer), signed checkpoints and their keys, verification and retention. Global,
 * so ingestion injects CHAINER_WAKE. Needs SERVICE_CONFIG with TamperEvidenceSettings, CLOCK and
 * MONGO_CONNECTION. Every collection it writes is keyed by `_id` only: no index to create.
 */
@Global()
@Module({
  controllers: [VerifyController, KeysController],
  providers: [
    {
      provide: KEYRING,
      inject: [SERVICE_CONFIG],
      useFactory: (config: TamperEvidenceSettings) =>
        new Keyring(config.AUDIT_SIGNING_KEY, config.AUDIT_RETIRED_PUBLIC_KEYS),
    },
    {
      provide: ChainStore,
      inject: [MONGO_CONNECTION, CLOCK],
      useFactory: (connection: Connection, clock: Clock) =>
        new ChainStore(connection, () => clock.now()),
    },
    {
      provide: CheckpointStore,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) => new CheckpointStore(connection),
    },
    {
      provide: ChainVerifier,
      inject: [ChainStore, CheckpointStore, KEYRING, CLOCK],
      useFactory: (
        chain: ChainStore,
        checkpoints: CheckpointStore,
        keyring: Keyring,
        clock: Clock,
      ) => new ChainVerifier({ chain, checkpoints, keyring, clock }),
    },
    ChainerService,
    { provide: CHAINER_WAKE, useExisting: ChainerService },
    RetentionService,
  ],
  exports: [CHAINER_WAKE, ChainVerifier, KEYRING],
})
export class TamperEvidenceModule {}
