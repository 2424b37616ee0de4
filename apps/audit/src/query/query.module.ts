import { Module } from '@nestjs/common';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AuditRecordsReader } from './audit-records.reader';
import { QueryIndexes } from './query-indexes';
import { RecordsController } from './records.controller';

@Module({
  controllers: [RecordsController],
  providers: [
    {
      provide: AuditRecordsReader,
      useFactory: (connection: Connection) => new AuditRecordsReader(connection),
      inject: [MONGO_CONNECTION],
    },
    QueryIndexes,
  ],
  exports: [AuditRecordsReader],
})
export class QueryModule {}
