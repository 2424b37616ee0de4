import { compactVerify, createLocalJWKSet, JSONWebKeySet } from 'jose';
import { eventually } from '@extapps/testing';
import { ChainCollections, EventMark, StoredRecord } from '../chain/chain-documents';
import { recordsFrom } from '../chain/testing/audit-records';
import { CheckpointDocument } from '../checkpoints/checkpoint';
import { AuditStack, startAuditStack } from '../e2e/testing/audit-stack';
import { AuditCollections } from '../records/audit-record';
import { PendingAuditDocument, toPendingDocument } from '../records/pending-record';

// Under the whole suite FerretDB is shared with many other suites and scans every collection it
// reads; one test here exceeded the preset 60 s in a full CI run (alone it takes seconds).
jest.setTimeout(180_000);

describe('verification over HTTP (real Kafka and MongoDB-wire)', () => {
  let stack: AuditStack;
  beforeAll(async () => {
    stack = await startAuditStack({ AUDIT_CHECKPOINT_EVERY_RECORDS: '2' });
  });
  afterAll(() => stack?.close());

  const collection = <T extends object>(name: string) => stack.db.collection<T>(name);

  /** Stores records as ingestion does and waits until the chainer has them; returns their seqs. */
  async function chained(count: number): Promise<number[]> {
    const records = recordsFrom(new Date().toISOString(), count);
    await collection<PendingAuditDocument>(AuditCollections.pending).insertMany(
      records.map(toPendingDocument),
    );
    return eventually(async () => {
      const marks = collection<EventMark>(ChainCollections.eventIds);
      const found = await Promise.all(records.map((r) => marks.findOne({ _id: r.eventId })));
      const seqs = found.map((mark) => {
        if (!mark) throw new Error('not chained yet');
        return mark.seq;
      });
      // The chainer writes an event's mark before its record: wait for the records themselves.
      const stored = await collection<{ _id: number }>(AuditCollections.records).countDocuments({
        _id: { $in: seqs },
      });
      if (stored !== seqs.length) throw new Error('marked but not stored yet');
      return seqs;
    });
  }

  it('publishes the checkpoint keys to anyone, as a JWKS', async () => {
    const response = await stack.anonymous.get('/v1/audit/keys');

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.body).toEqual({
      keys: [
        {
          kty: 'OKP',
          crv: 'Ed25519',
          x: expect.any(String),
          kid: expect.any(String),
          alg: 'EdDSA',
          use: 'sig',
        },
      ],
    });
  });

  it('answers GET /v1/audit/verify only with extapps.audit.read', async () => {
    expect((await stack.anonymous.get('/v1/audit/verify')).status).toBe(401);
    expect((await stack.outsider.get('/v1/audit/verify')).status).toBe(403);
  });

  it('reports an intact chain with its head and a checkpoint that verifies with the published keys', async () => {
    const seqs = await chained(3);

    const { status, body } = await stack.reader.get('/v1/audit/verify');

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'intact', start: { from: 'genesis', seq: 0 } });
    expect(body.head.seq).toBeGreaterThanOrEqual(Math.max(...seqs));
    const checkpoint = await collection<CheckpointDocument>(ChainCollections.checkpoints).findOne({
      _id: body.lastCheckpoint.seq,
    });
    const jwks = (await stack.anonymous.get('/v1/audit/keys')).body as JSONWebKeySet;
    if (!checkpoint) throw new Error(`checkpoint ${body.lastCheckpoint.seq} is not stored`);
    const { payload } = await compactVerify(checkpoint.jws, createLocalJWKSet(jwks));
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
      seq: body.lastCheckpoint.seq,
      hash: body.lastCheckpoint.hash,
    });
  });

  it('reports the first broken link after a record is edited in the database', async () => {
    const [seq] = await chained(2);
    await collection<StoredRecord>(AuditCollections.records).updateOne(
      { _id: seq },
      { $set: { 'target.name': 'Something else' } },
    );

    const { body } = await stack.reader.get('/v1/audit/verify');

    expect(body).toMatchObject({ status: 'broken', brokenLink: { kind: 'edited-record', seq } });
  });
});
