import { auditRecord } from '../chain/testing/audit-records';
import { fromPendingDocument, MalformedPendingDocument, toPendingDocument } from './pending-record';

describe('pending documents', () => {
  it('stores a record as JSON text under its event id', () => {
    const record = auditRecord();

    expect(toPendingDocument(record)).toEqual({
      _id: record.eventId,
      record: JSON.stringify(record),
    });
  });

  it('given a document as stored now, then it reads the record back as it was', () => {
    const record = auditRecord({ changes: { before: null, after: { scopes: ['a', 'b'], n: 3 } } });

    expect(fromPendingDocument(toPendingDocument(record))).toEqual(record);
  });

  it('given a legacy document (fields at top level), then it reads the record without its _id', () => {
    const record = auditRecord();

    expect(fromPendingDocument({ _id: record.eventId, ...record })).toEqual(record);
  });

  it('given a legacy document without eventId, then the event id is its _id', () => {
    const { eventId, ...rest } = auditRecord();

    expect(fromPendingDocument({ _id: eventId, ...rest })).toEqual({ ...rest, eventId });
  });

  describe('given a malformed document, then it throws naming the _id', () => {
    const record = auditRecord();
    const id = record.eventId;
    const other = { ...record, eventId: 'other' };
    const cases: [string, object, RegExp][] = [
      ['record that is not JSON', { _id: id, record: '{"eventId":' }, /record is not JSON/],
      ['record that is not a string', { _id: id, record: { ...record } }, /record is not a string/],
      ['record that is a JSON array', { _id: id, record: '[1]' }, /not a JSON object/],
      ['record of another event', { _id: id, record: JSON.stringify(other) }, /event other/],
      ['record without its fields', { _id: id, record: '{}' }, /eventType is not a string/],
      ['legacy document with only an _id', { _id: id }, /eventType is not a string/],
      ['legacy document without actor', { ...record, _id: id, actor: null }, /actor is not an/],
    ];

    it.each(cases)('a %s', (_, document, reason) => {
      const decode = () => fromPendingDocument(document);

      expect(decode).toThrow(MalformedPendingDocument);
      expect(decode).toThrow(reason);
      expect(decode).toThrow(`pending audit document "${id}" is malformed`);
    });

    it('a document whose _id is not a string', () => {
      expect(() => fromPendingDocument({ _id: 42, record: '{}' })).toThrow(
        'pending audit document 42 is malformed: _id is not a string',
      );
    });
  });
});
