import { systemClock } from '@extapps/contracts';
import { MongoLease } from '@extapps/event-store';
import { mongoTestDatabase } from '@extapps/event-store/testing';
import { eventually, uniqueName } from '@extapps/testing';
import { AuditRecord } from '../records/audit-record';
import { chainHash, GENESIS_HASH } from '@extapps/contracts';
import { auditRecord, recordsFrom } from './testing/audit-records';
import { freshChainFixture } from './testing/chain-fixture';

const connection = mongoTestDatabase('audit-chainer');

const freshChain = () => freshChainFixture(connection());

const eventIds = (records: readonly { eventId: string }[]) => records.map((r) => r.eventId);

describe('the chainer on MongoDB-wire', () => {
  it('chains pending records by (recordedAt, eventId), each hash covering the one before', async () => {
    const f = await freshChain();
    const [a, b, c] = recordsFrom('2026-03-01T10:00:00.000Z', 3);
    const tie = auditRecord({ recordedAt: b.recordedAt });
    const [first, second] = [b, tie].sort((x, y) => (x.eventId < y.eventId ? -1 : 1));
    await f.ingest([c, tie, a, b]);

    await f.chainAll();

    const stored = await f.stored();
    expect(eventIds(stored)).toEqual(eventIds([a, first, second, c]));
    let prev = GENESIS_HASH;
    stored.forEach((record, index) => {
      expect(record).toMatchObject({ _id: index + 1, seq: index + 1, prevHash: prev });
      expect(record.hash).toBe(chainHash(prev, record, index + 1));
      prev = record.hash;
    });
    expect(await f.raw.pending().countDocuments()).toBe(0);
    expect(await f.raw.marks().find({}).sort({ seq: 1 }).toArray()).toEqual(
      stored.map((r) => ({ _id: r.eventId, eventId: r.eventId, seq: r.seq, attempt: 1 })),
    );
    expect(await f.chain.readState('head')).toMatchObject({ seq: 4, hash: prev });
    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 4 });
  });

  it('signs a checkpoint for the first record and then every N records', async () => {
    const f = await freshChain();
    await f.ingest(recordsFrom('2026-03-01T10:00:00.000Z', 12));

    await f.chainAll();

    const checkpoints = await f.raw.checkpoints().find({}).sort({ _id: 1 }).toArray();
    const stored = await f.stored();
    expect(checkpoints.map((c) => [c.seq, c.hash])).toEqual(
      [1, 6, 11].map((seq) => [seq, stored[seq - 1].hash]),
    );
    expect(checkpoints[0]).toMatchObject({
      recordedAt: stored[0].recordedAt,
      signedAt: f.clock.now().toISOString(),
      keyId: f.keyring.signer().kid,
    });
  });

  it('given an event delivered again after it was chained, then nothing is added', async () => {
    const f = await freshChain();
    const [once, other] = recordsFrom('2026-03-01T10:00:00.000Z', 2);
    await f.ingest([once]);
    await f.chainAll();

    await f.ingest([once, other]);
    await f.chainAll();

    expect(eventIds(await f.stored())).toEqual(eventIds([once, other]));
    expect(await f.raw.pending().countDocuments()).toBe(0);
  });

  it('given a wake after ingestion, then the record is chained well within a second', async () => {
    const f = await freshChain();
    const chainer = f.chainer();
    chainer.start();
    try {
      // Serialized with the loop's first pass: afterwards the loop waits out its 60 s interval.
      await chainer.runOnce();
      const record = auditRecord();
      const ingestedAt = Date.now();
      await f.ingest([record]);
      chainer.wake();

      await eventually(async () => expect(eventIds(await f.stored())).toEqual([record.eventId]), {
        timeoutMs: 1_000,
        intervalMs: 20,
      });
      expect(Date.now() - ingestedAt).toBeLessThan(1_000);
    } finally {
      await chainer.stop();
    }
  });
});

describe('competing chainers', () => {
  function expectOneChainOf(stored: readonly AuditRecord[], ingested: readonly AuditRecord[]) {
    expect(new Set(eventIds(stored)).size).toBe(stored.length);
    expect([...eventIds(stored)].sort()).toEqual([...eventIds(ingested)].sort());
  }

  it('given two instances sharing the lease, then one chain holds every record once', async () => {
    const f = await freshChain();
    const lease = uniqueName('chainer');
    const chainers = ['a', 'b'].map((owner) =>
      f.chainer({
        batchSize: 3,
        lease: new MongoLease(connection(), {
          name: lease,
          owner,
          ttlMs: 2_000,
          clock: systemClock,
        }),
      }),
    );
    chainers.forEach((c) => c.start());
    const ingested: AuditRecord[] = [];
    try {
      for (let round = 0; round < 4; round++) {
        const batch = recordsFrom(`2026-03-01T1${round}:00:00.000Z`, 5);
        ingested.push(...batch);
        await f.ingest(batch);
        chainers.forEach((c) => c.wake());
      }
      await eventually(async () => expect(await f.stored()).toHaveLength(20), {
        timeoutMs: 20_000,
      });
    } finally {
      await Promise.all(chainers.map((c) => c.stop()));
    }
    expectOneChainOf(await f.stored(), ingested);
    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 20 });
  });

  it('given two chainers without a lease racing pass for pass, then the chain never forks or doubles', async () => {
    const f = await freshChain();
    const [a, b] = [f.chainer({ batchSize: 4 }), f.chainer({ batchSize: 3 })];
    const ingested: AuditRecord[] = [];
    for (let round = 0; round < 4; round++) {
      const batch = recordsFrom(`2026-03-01T1${round}:00:00.000Z`, 6);
      ingested.push(...batch);
      await f.ingest(batch);
      // A pass that loses an insert fails (StaleChainHead); the next one finds the head again.
      await Promise.allSettled([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    }
    for (let pass = 0; pass < 20 && (await f.raw.pending().countDocuments()) > 0; pass++) {
      await Promise.allSettled([a.runOnce(), b.runOnce()]);
    }

    expect(await f.raw.pending().countDocuments()).toBe(0);
    expectOneChainOf(await f.stored(), ingested);
    expect(await f.verifier().verify()).toMatchObject({ status: 'intact', records: 24 });
  });
});
