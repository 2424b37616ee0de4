import { Readable } from 'node:stream';
import { StoredAuditRecord } from '../query/record-view';
import { CSV_HEADER } from './csv';
import { EXPORT_BUFFER_BYTES, exportLines, exportStream } from './export-lines';

const stored = (seq: number): StoredAuditRecord => ({
  _id: seq,
  eventId: `0190a0b0-0000-7000-8000-${String(seq).padStart(12, '0')}`,
  eventType: 'TokenIssued',
  source: 'extapps.token.events.v1',
  occurredAt: '2026-05-04T10:00:00.000Z',
  recordedAt: '2026-05-04T10:00:01.000Z',
  actor: { type: 'app', id: 'app-1', displayName: null },
  action: 'token.issued',
  category: 'token',
  target: { type: 'app', id: 'app-1', name: null },
  outcome: { status: 'success', reason: null },
  sourceIp: '198.51.100.4',
  userAgent: 'robot/1.0',
  correlationId: 'corr-1',
  changes: { before: null, after: { jti: `jti-${seq}`, scope: 'OR.Jobs' } },
  prevHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
});

/** A cursor stand-in that makes records only when asked, counting how many it made. */
function lazyRecords(count: number) {
  const made = { count: 0 };
  async function* records(): AsyncGenerator<StoredAuditRecord> {
    for (let seq = 1; seq <= count; seq++) {
      made.count = seq;
      yield stored(seq);
    }
  }
  return { made, records: records() };
}

/** Reads the stream to its end, noting how far the source ran ahead of the lines read. */
async function drain(stream: Readable, made: { count: number }) {
  let text = '';
  let linesRead = 0;
  let maxAhead = 0;
  for await (const chunk of stream) {
    const part = (chunk as Buffer).toString('utf8');
    linesRead += part.split('\n').length - 1;
    maxAhead = Math.max(maxAhead, made.count - linesRead);
    text += part.length < 10_000 ? part : '';
  }
  return { linesRead, maxAhead, text };
}

describe('export stream', () => {
  it('given 100,000 records, then it writes them all while the source stays a bounded step ahead', async () => {
    const { made, records } = lazyRecords(100_000);
    const lineBytes = Buffer.byteLength(JSON.stringify(stored(1))) + 1;

    const { linesRead, maxAhead } = await drain(exportStream(exportLines(records, 'jsonl')), made);

    expect(linesRead).toBe(100_000);
    // Never more than the stream's buffer (plus the line in hand) made ahead of the reader.
    expect(maxAhead).toBeLessThanOrEqual(Math.ceil(EXPORT_BUFFER_BYTES / lineBytes) + 2);
  });

  it('given a reader that stops early, then the source is not read to the end', async () => {
    const { made, records } = lazyRecords(100_000);
    const stream = exportStream(exportLines(records, 'csv'));

    for await (const _chunk of stream) break;

    expect(made.count).toBeLessThan(1_000);
  });

  it('writes CSV with a header line, JSON Lines without', async () => {
    const csv = await drain(exportStream(exportLines(lazyRecords(2).records, 'csv')), { count: 0 });
    const jsonl = await drain(exportStream(exportLines(lazyRecords(2).records, 'jsonl')), {
      count: 0,
    });

    expect(csv.text.startsWith(CSV_HEADER)).toBe(true);
    expect(csv.text.split('\r\n')).toHaveLength(4);
    expect(
      jsonl.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([1, 2]);
  });
});
