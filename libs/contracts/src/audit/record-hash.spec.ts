import { createHash } from 'node:crypto';
import { AuditRecord } from './audit-record';
import { canonicalRecord, chainHash, chainRecord, GENESIS_HASH } from './record-hash';

const record: AuditRecord = {
  eventId: '0190a0b0-0000-7000-8000-000000000001',
  eventType: 'ExternalAppRenamed',
  source: 'extapps.registration.events.v1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.100Z',
  actor: { type: 'user', id: 'alice', displayName: 'Zoë' },
  action: 'app.renamed',
  category: 'app-management',
  target: { type: 'app', id: 'app-1', name: 'Payroll' },
  outcome: { status: 'success', reason: null },
  sourceIp: null,
  userAgent: null,
  correlationId: 'corr-1',
  changes: { before: { name: 'Pay' }, after: { name: 'Payroll' } },
};

const CANONICAL =
  '{"action":"app.renamed","actor":{"displayName":"Zoë","id":"alice","type":"user"},' +
  '"category":"app-management","changes":{"after":{"name":"Payroll"},"before":{"name":"Pay"}},' +
  '"correlationId":"corr-1","eventId":"0190a0b0-0000-7000-8000-000000000001",' +
  '"eventType":"ExternalAppRenamed","occurredAt":"2026-01-01T00:00:00.000Z",' +
  '"outcome":{"reason":null,"status":"success"},"recordedAt":"2026-01-01T00:00:00.100Z",' +
  '"seq":7,"source":"extapps.registration.events.v1","sourceIp":null,' +
  '"target":{"id":"app-1","name":"Payroll","type":"app"},"userAgent":null}';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the record hash', () => {
  it('given a record at a seq, then the canonical form is its fields and seq, keys sorted', () => {
    expect(canonicalRecord(record, 7)).toBe(CANONICAL);
  });

  it('given a previous hash, then the hash is SHA-256 over it followed by the canonical form', () => {
    const prev = 'ab'.repeat(32);

    expect(chainHash(prev, record, 7)).toBe(sha256(prev + CANONICAL));
    expect(chainHash(prev, record, 7)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given the first record, then it links to the genesis hash: 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(chainRecord(record, 1, GENESIS_HASH)).toEqual({
      ...record,
      seq: 1,
      prevHash: GENESIS_HASH,
      hash: sha256(GENESIS_HASH + canonicalRecord(record, 1)),
    });
  });

  it('given the same record with its keys in another order, then the hash is the same', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as AuditRecord;

    expect(chainHash(GENESIS_HASH, reordered, 1)).toBe(chainHash(GENESIS_HASH, record, 1));
  });

  it.each<[string, Partial<AuditRecord>]>([
    ['an actor id', { actor: { ...record.actor, id: 'mallory' } }],
    [
      'a display name in another Unicode form',
      { actor: { ...record.actor, displayName: 'Zoe\u0308' } },
    ],
    ['the outcome', { outcome: { status: 'failure', reason: 'invalid_client' } }],
    ['a before value', { changes: { before: { name: 'Pay ' }, after: { name: 'Payroll' } } }],
    ['recordedAt', { recordedAt: '2026-01-01T00:00:00.101Z' }],
  ])('given %s changed, then the hash changes', (_, change) => {
    expect(chainHash(GENESIS_HASH, { ...record, ...change }, 1)).not.toBe(
      chainHash(GENESIS_HASH, record, 1),
    );
  });

  it('given another seq or another previous hash, then the hash changes', () => {
    const hash = chainHash(GENESIS_HASH, record, 1);

    expect(chainHash(GENESIS_HASH, record, 2)).not.toBe(hash);
    expect(chainHash('1'.repeat(64), record, 1)).not.toBe(hash);
  });

  it('given fields outside the AuditRecord (stored chain fields, search keys), then they are not hashed', () => {
    const stored = { ...record, _id: 1, seq: 1, prevHash: GENESIS_HASH, hash: 'x', extra: 'y' };

    expect(canonicalRecord(stored, 1)).toBe(canonicalRecord(record, 1));
  });

  it('given a field missing, then the canonical form lacks it and the hash differs', () => {
    const { sourceIp: _dropped, ...partial } = record;

    expect(canonicalRecord(partial as AuditRecord, 7)).toBe(
      CANONICAL.replace('"sourceIp":null,', ''),
    );
  });
});
