import { Readable } from 'node:stream';
import { ExportFormat } from '../query/query-schemas';
import { StoredAuditRecord, toRecordView } from '../query/record-view';
import { CSV_HEADER, csvLine } from './csv';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** The export as lines, produced only as fast as they are read. */
export async function* exportLines(
  records: AsyncIterable<StoredAuditRecord>,
  format: ExportFormat,
): AsyncGenerator<string> {
  if (format === 'csv') yield CSV_HEADER;
  for await (const stored of records) {
    const view = toRecordView(stored);
    yield format === 'csv' ? csvLine(view) : `${JSON.stringify(view)}\n`;
  }
}

/** At most about this many bytes wait in the stream for a slow reader before fetching pauses. */
export const EXPORT_BUFFER_BYTES = 64 * 1024;

/**
 * A byte stream over the lines: it pulls the next line only when its buffer has room, so a slow
 * client slows the database cursor instead of filling memory. Destroying it (a client that goes
 * away) ends the generator, which closes the cursor.
 */
export function exportStream(lines: AsyncIterable<string>): Readable {
  return Readable.from(lines, { objectMode: false, highWaterMark: EXPORT_BUFFER_BYTES });
}
