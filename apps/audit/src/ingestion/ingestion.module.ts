import { Module } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { ChainerWake } from '../chain/chainer';
import { CHAINER_WAKE, CLOCK } from '../tokens';
import { AUDITED_SOURCES } from './audited-sources';
import { AuditIngestion } from './audit-ingestion';
import { IngestionPipeline } from './ingestion-pipeline';
import { IngestionController } from './ingestion.controller';
import { PendingRecordStore } from './pending-record.store';

@Module({
  controllers: [IngestionController],
  providers: [
    {
      provide: IngestionPipeline,
      useFactory: (connection: Connection, clock: Clock, chainer?: ChainerWake) =>
        new IngestionPipeline(AUDITED_SOURCES, new PendingRecordStore(connection), clock, () =>
          chainer?.wake(),
        ),
      inject: [MONGO_CONNECTION, CLOCK, { token: CHAINER_WAKE, optional: true }],
    },
    AuditIngestion,
  ],
})
export class IngestionModule {}
