import { Module } from '@nestjs/common';
import { QueryModule } from '../query/query.module';
import { ExportController } from './export.controller';

@Module({ imports: [QueryModule], controllers: [ExportController] })
export class ExportModule {}
