import { RecordView } from '../query/record-view';
import { CSV_HEADER, csvCell, csvLine } from './csv';

const record: RecordView = {
  seq: 7,
  eventId: '0190a0b0-0000-7000-8000-000000000007',
  eventType: 'ExternalAppRenamed',
  source: 'extapps.registration.events.v1',
  occurredAt: '2026-05-04T10:00:00.000Z',
  recordedAt: '2026-05-04T10:00:00.250Z',
  actor: { type: 'user', id: 'admin-7', displayName: 'Ada, Admin' },
  action: 'app.renamed',
  category: 'app-management',
  target: { type: 'app', id: 'app-1', name: 'Say "hi"' },
  outcome: { status: 'success', reason: null },
  sourceIp: '203.0.113.9',
  userAgent: null,
  correlationId: 'corr-1',
  changes: { before: { name: 'Old' }, after: { name: 'Say "hi"' } },
  prevHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
};

describe('CSV export lines', () => {
  it('given the header, then it names every column once, CRLF-terminated', () => {
    const names = CSV_HEADER.trimEnd().split(',');

    expect(CSV_HEADER.endsWith('\r\n')).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(23);
  });

  it('given a record, then its line has a cell per column, quoting commas and quotes', () => {
    const line = csvLine(record);

    expect(line).toBe(
      [
        '7',
        record.eventId,
        record.occurredAt,
        record.recordedAt,
        'user',
        'admin-7',
        '"Ada, Admin"',
        'app.renamed',
        'app-management',
        'app',
        'app-1',
        '"Say ""hi"""',
        'success',
        '',
        '203.0.113.9',
        '',
        'corr-1',
        'ExternalAppRenamed',
        'extapps.registration.events.v1',
        '"{""name"":""Old""}"',
        '"{""name"":""Say \\""hi\\""""}"',
        'p'.repeat(64),
        'h'.repeat(64),
      ].join(',') + '\r\n',
    );
  });

  it('given no changes, then both change cells are empty', () => {
    const cells = csvLine({ ...record, changes: null, target: { ...record.target, name: null } });

    expect(cells).toContain(',extapps.registration.events.v1,,,');
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('given the text %j, then the cell is %j (no formula, quoted when needed)', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
});
