import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { AdminScopes, Clock } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import { AuditRecordsReader } from '../query/audit-records.reader';
import { QueryPipe } from '../query/query-pipe';
import { ExportQuery, exportQuerySchema } from '../query/query-schemas';
import { CLOCK } from '../tokens';
import { CONTENT_TYPES, exportLines, exportStream } from './export-lines';

/**
 * Every matching record as a file, streamed from a database cursor. Caveat: headers go out
 * before the first record, so a failure midway cuts the download short instead of answering a
 * problem; a complete CSV or JSON Lines file ends with a line break.
 */
@Controller('v1/audit/export')
@RequireScopes(AdminScopes.auditRead)
export class ExportController {
  constructor(
    private readonly reader: AuditRecordsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  export(@Query(new QueryPipe(exportQuerySchema)) query: ExportQuery): StreamableFile {
    const { format, order, ...filters } = query;
    const records = this.reader.stream(filters, order);
    const stamp = this.clock
      .now()
      .toISOString()
      .replace(/[-:]|\.\d+/g, '');
    return new StreamableFile(exportStream(exportLines(records, format)), {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="audit-${stamp}.${format}"`,
    });
  }
}
