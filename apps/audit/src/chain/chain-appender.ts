import { silentWorkerLogger, WorkerLogger } from '@extapps/event-store';
import { CheckpointWriter } from '../checkpoints/checkpoint-writer';
import { AuditRecord } from '../records/audit-record';
import { ChainPosition, ChainTip } from './chain-documents';
import { findChainHead } from './chain-head';
import { ChainStore, markId } from './chain-store';
import { MarkConflict, resolveMark } from './mark-resolution';
import { inChainOrder } from './chain-order';
import { chainRecord } from '@extapps/contracts';

/** A record at `seq` exists already: another chainer moved the chain on. */
export class StaleChainHead extends Error {
  constructor(readonly seq: number) {
    super(`seq ${seq} is taken by another chainer; finding the head again`);
    this.name = 'StaleChainHead';
  }
}

/**
 * One chainer's view of the chain and the steps of a pass. Per run of pending records: insert
 * their marks (`audit_event_ids`, `_id` eventId → seq), then the records (`_id` seq), then move
 * the head hint, then delete them from pending. Every step that decides is an insert under a
 * unique `_id`, so whatever crashes or races:
 * - no fork: a seq holds the first record inserted there; a chainer whose insert loses throws
 *   StaleChainHead and finds the head again;
 * - no double: an event with a mark is chained again only when every mark is void (resolveMark);
 * - no loss: an event leaves pending only after its record exists.
 */
export class ChainAppender {
  private tip: ChainTip | undefined;

  constructor(
    private readonly store: ChainStore,
    private readonly checkpoints: CheckpointWriter,
    private readonly logger: WorkerLogger = silentWorkerLogger,
  ) {}

  /** Chains up to `limit` pending records; returns how many it took from pending. */
  async chainPending(limit: number): Promise<number> {
    this.tip ??= await findChainHead(this.store);
    const batch = inChainOrder(await this.store.pendingBatch(limit));
    if (batch.length === 0) return 0;
    const done = await this.chainBatch(batch);
    await this.store.advanceState('head', this.tip ?? this.head());
    await this.store.deletePending(done);
    return batch.length;
  }

  /** A time-based checkpoint for a tip that stopped moving. */
  async checkpointIdleTip(): Promise<void> {
    this.tip ??= await findChainHead(this.store);
    if (this.tip.seq === 0) return;
    const recordedAt = this.tip.recordedAt ?? (await this.store.recordAt(this.tip.seq))?.recordedAt;
    // Missing: retention removed the head record, so its checkpoint covers it already.
    if (recordedAt === undefined) return;
    this.tip = { ...this.tip, recordedAt };
    await this.checkpoints.offer({ seq: this.tip.seq, hash: this.tip.hash, recordedAt });
  }

  /** Drops what it knows (after a failure or losing the lease): the next pass looks again. */
  forget(): void {
    this.tip = undefined;
    this.checkpoints.reset();
  }

  /** Chains the batch; returns the eventIds now in the chain (to delete from pending). */
  private async chainBatch(batch: readonly AuditRecord[]): Promise<string[]> {
    const done: string[] = [];
    let rest = batch;
    while (rest.length > 0) {
      const next = this.head().seq + 1;
      const marked = await this.store.insertFirstMarks(
        rest.map(({ eventId }, index) => ({ eventId, seq: next + index })),
      );
      const [first, ...others] = rest;
      const run = marked > 0 ? rest.slice(0, marked) : [first];
      if (marked > 0 || (await this.markAgain(first))) await this.append(run);
      done.push(...run.map(({ eventId }) => eventId));
      rest = marked > 0 ? rest.slice(marked) : others;
    }
    return done;
  }

  /** For an event with a mark already: true when it is (re-)marked at head + 1 to be appended. */
  private async markAgain(record: AuditRecord): Promise<boolean> {
    const { store } = this;
    const { eventId } = record;
    for (;;) {
      const nextSeq = this.head().seq + 1;
      const resolution = resolveMark(await this.conflictOf(eventId, nextSeq));
      switch (resolution.kind) {
        case 'already-chained':
          return false;
        case 'resume':
          this.logger.info({ eventId, seq: nextSeq }, 'resuming a record marked before a crash');
          return true;
        case 'remark': {
          const { attempt } = resolution;
          const mark = { _id: markId(eventId, attempt), eventId, seq: nextSeq, attempt };
          if (await store.insertMark(mark)) {
            this.logger.info({ eventId, seq: nextSeq, attempt }, 'marked a record again');
            return true;
          }
          continue;
        }
        case 'stale-head':
          throw new StaleChainHead(nextSeq);
        default: {
          const unexpected: never = resolution;
          throw new Error(`unexpected resolution ${JSON.stringify(unexpected)}`);
        }
      }
    }
  }

  /**
   * The evidence resolveMark needs, by `_id` lookups only; a duplicate delivery (its first mark
   * holds it) needs two. Caveat: on FerretDB 1.x a numeric `_id` lookup scans `audit_records`.
   */
  private async conflictOf(eventId: string, nextSeq: number): Promise<MarkConflict> {
    const { store } = this;
    const marks = [];
    for (const { seq, attempt } of await store.marksOf(eventId)) {
      const holder = (await store.recordAt(seq))?.eventId ?? null;
      marks.push({ seq, attempt, holder });
      if (holder === eventId) return { eventId, nextSeq, marks, horizon: 0, nextSeqTaken: false };
    }
    const horizon = (await store.readState('retention'))?.seq ?? 0;
    const nextSeqTaken = (await store.recordAt(nextSeq)) !== null;
    return { eventId, nextSeq, marks, horizon, nextSeqTaken };
  }

  private async append(records: readonly AuditRecord[]): Promise<void> {
    let previous = this.head();
    const chained = records.map((record) => {
      const next = chainRecord(record, previous.seq + 1, previous.hash);
      previous = next;
      return next;
    });
    const inserted = await this.store.insertRecords(chained);
    for (const record of chained.slice(0, inserted)) {
      this.tip = { seq: record.seq, hash: record.hash, recordedAt: record.recordedAt };
      await this.checkpoints.offer({
        seq: record.seq,
        hash: record.hash,
        recordedAt: record.recordedAt,
      });
    }
    const lost = chained[inserted];
    if (lost) throw new StaleChainHead(lost.seq);
  }

  private head(): ChainPosition {
    if (!this.tip) throw new Error('the chain head is not known yet');
    return { seq: this.tip.seq, hash: this.tip.hash };
  }
}
