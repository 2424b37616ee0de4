import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import { z } from 'zod';
import { AuditRecordsReader } from './audit-records.reader';
import { QueryPipe } from './query-pipe';
import { eventIdSchema, ListRecordsQuery, listRecordsQuerySchema } from './query-schemas';
import { RecordPage, RecordView, toRecordView } from './record-view';

const eventIdParam = z.object({ eventId: eventIdSchema });

/** Search of the chained records. A record appears once the chainer has linked it. */
@Controller('v1/audit/records')
@RequireScopes(AdminScopes.auditRead)
export class RecordsController {
  constructor(private readonly reader: AuditRecordsReader) {}

  @Get()
  list(@Query(new QueryPipe(listRecordsQuerySchema)) query: ListRecordsQuery): Promise<RecordPage> {
    return this.reader.page(query);
  }

  @Get(':eventId')
  async get(
    @Param(new ZodValidationPipe(eventIdParam)) { eventId }: z.output<typeof eventIdParam>,
  ): Promise<RecordView> {
    const stored = await this.reader.byEventId(eventId);
    if (!stored) throw new NotFoundException('No audit record (yet) for this event id.');
    return toRecordView(stored);
  }
}
