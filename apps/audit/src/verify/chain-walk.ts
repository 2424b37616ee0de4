import { StoredRecord } from '../chain/chain-documents';
import { chainHash } from '@extapps/contracts';
import { CheckpointCheck, CheckpointDocument } from '../checkpoints/checkpoint';
import { BrokenLink, ChainStart, CheckpointSummary } from './verification-report';

export interface ChainWalkInput {
  readonly start: ChainStart;
  /** The head when verification started: records above it are not checked. */
  readonly headSeq: number;
  /** Records above start.seq, in seq order. */
  readonly records: AsyncIterable<StoredRecord>;
  /** Checkpoints above start.seq, in seq order, up to the last one known at the start. */
  readonly checkpoints: AsyncIterable<CheckpointDocument>;
  readonly checkCheckpoint: (checkpoint: CheckpointDocument) => Promise<CheckpointCheck>;
}

export interface ChainWalkOutcome {
  readonly brokenLink: BrokenLink | null;
  readonly records: number;
  readonly checkpoints: number;
  readonly lastCheckpoint: CheckpointSummary | null;
}

/**
 * Walks the chain once, records and checkpoints merged by seq, holding one of each at a time, and
 * stops at the first broken link. Pure apart from reading the two streams.
 */
export async function walkChain(input: ChainWalkInput): Promise<ChainWalkOutcome> {
  const checkpoints = peekable(input.checkpoints);
  try {
    return await walk(input, checkpoints);
  } finally {
    await checkpoints.close();
  }
}

async function walk(
  input: ChainWalkInput,
  checkpoints: Peekable<CheckpointDocument>,
): Promise<ChainWalkOutcome> {
  const tally = { records: 0, checkpoints: 0, lastCheckpoint: null as CheckpointSummary | null };
  const stop = (brokenLink: BrokenLink) => ({ brokenLink, ...tally });
  let expected = input.start.seq + 1;
  let prevHash = input.start.hash;
  for await (const record of input.records) {
    if (record._id > input.headSeq) break;
    const broken = recordLink(record, expected, prevHash);
    if (broken) return stop(broken);
    for (
      let cp = await checkpoints.peek();
      cp && cp._id <= record._id;
      cp = await checkpoints.peek()
    ) {
      await checkpoints.take();
      const bad = (await forgery(cp, input)) ?? mismatch(cp, record);
      if (bad) return stop(bad);
      tally.checkpoints += 1;
      tally.lastCheckpoint = summaryOf(cp);
    }
    tally.records += 1;
    expected += 1;
    prevHash = record.hash;
  }
  const lastSeq = expected - 1;
  const beyond = await checkpoints.peek();
  if (beyond) {
    return stop(
      (await forgery(beyond, input)) ?? {
        kind: 'truncated-tail',
        seq: expected,
        detail: `checkpoint ${beyond.seq} vouches for records up to ${beyond.seq}; they end at ${lastSeq}`,
      },
    );
  }
  if (lastSeq < input.headSeq) {
    return stop({
      kind: 'truncated-tail',
      seq: expected,
      detail: `the head was at ${input.headSeq} when verification started; records end at ${lastSeq}`,
    });
  }
  return { brokenLink: null, ...tally };
}

/** The first problem of `record` as the successor of `prevHash` at `expected`, if any. */
function recordLink(record: StoredRecord, expected: number, prevHash: string): BrokenLink | null {
  if (record._id !== expected) {
    return {
      kind: 'deleted-record',
      seq: expected,
      detail: `record ${expected} is missing; the next one is ${record._id}`,
    };
  }
  if (chainHash(record.prevHash, record, record.seq) !== record.hash) {
    return {
      kind: 'edited-record',
      seq: expected,
      detail: `record ${expected} does not match its hash: a field was changed`,
    };
  }
  if (record.seq !== record._id) {
    return {
      kind: 'reordered-records',
      seq: expected,
      detail: `record ${record.seq} is stored at seq ${expected}`,
    };
  }
  if (record.prevHash !== prevHash) {
    return {
      kind: 'reordered-records',
      seq: expected,
      detail: `record ${expected} does not follow record ${expected - 1}: its prevHash differs`,
    };
  }
  return null;
}

async function forgery(
  checkpoint: CheckpointDocument,
  input: ChainWalkInput,
): Promise<BrokenLink | null> {
  const check = await input.checkCheckpoint(checkpoint);
  if (!check.ok) {
    return {
      kind: 'forged-checkpoint',
      seq: checkpoint._id,
      detail: `checkpoint ${checkpoint._id} is not valid: ${check.reason}`,
    };
  }
  if (checkpoint.seq !== checkpoint._id) {
    return {
      kind: 'forged-checkpoint',
      seq: checkpoint._id,
      detail: `the checkpoint stored at ${checkpoint._id} was signed for ${checkpoint.seq}`,
    };
  }
  return null;
}

function mismatch(checkpoint: CheckpointDocument, record: StoredRecord): BrokenLink | null {
  if (checkpoint.hash === record.hash) return null;
  return {
    kind: 'checkpoint-mismatch',
    seq: checkpoint.seq,
    detail: `record ${record._id} has another hash than its signed checkpoint: the chain was rewritten`,
  };
}

function summaryOf({ seq, hash, recordedAt, signedAt, keyId }: CheckpointDocument) {
  return { seq, hash, recordedAt, signedAt, keyId };
}

interface Peekable<T> {
  peek(): Promise<T | undefined>;
  take(): Promise<void>;
  close(): Promise<void>;
}

/** One item of look-ahead over an async iterable. */
function peekable<T>(source: AsyncIterable<T>): Peekable<T> {
  const iterator = source[Symbol.asyncIterator]();
  let head: Promise<IteratorResult<T>> | undefined;
  return {
    async peek(): Promise<T | undefined> {
      head ??= iterator.next();
      const next = await head;
      return next.done ? undefined : next.value;
    },
    async take(): Promise<void> {
      await (head ?? iterator.next());
      head = undefined;
    },
    async close(): Promise<void> {
      await iterator.return?.();
    },
  };
}
