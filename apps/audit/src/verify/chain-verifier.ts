import { Clock } from '@extapps/contracts';
import { findChainHead, GENESIS } from '../chain/chain-head';
import { ChainStore } from '../chain/chain-store';
import { checkCheckpoint } from '../checkpoints/checkpoint';
import { CheckpointStore } from '../checkpoints/checkpoint-store';
import { Keyring } from '../checkpoints/keyring';
import { walkChain } from './chain-walk';
import { BrokenLink, ChainStart, VerificationReport } from './verification-report';

export interface ChainVerifierOptions {
  readonly chain: ChainStore;
  readonly checkpoints: CheckpointStore;
  readonly keyring: Keyring;
  readonly clock: Clock;
}

/** How often a run that found a gap is repeated because retention moved the start meanwhile. */
const RETRIES_AFTER_RETENTION = 2;

/**
 * Verifies the chain as stored: from the start (genesis, or the signed checkpoint retention kept)
 * up to the head found when the run starts, streaming records and checkpoints. Concurrent callers
 * share the run in flight: a run reads every record, so it is not repeated per request.
 *
 * Caveat: a tail cut off together with every checkpoint above the cut, or the oldest records
 * removed together with their checkpoints while moving the retention horizon, look like a shorter
 * chain. Keep copies of checkpoints elsewhere (the report names the last one) to catch that.
 */
export class ChainVerifier {
  private inFlight: Promise<VerificationReport> | undefined;

  constructor(private readonly options: ChainVerifierOptions) {}

  verify(): Promise<VerificationReport> {
    this.inFlight ??= this.verifyRetrying().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async verifyRetrying(): Promise<VerificationReport> {
    for (let retry = 0; ; retry++) {
      const report = await this.verifyOnce();
      if (report.status === 'intact' || retry === RETRIES_AFTER_RETENTION) return report;
      // Retention may have removed records while they were read: look again from its new start.
      const horizon = (await this.options.chain.readState('retention'))?.seq ?? 0;
      if (horizon <= report.start.seq) return report;
    }
  }

  private async verifyOnce(): Promise<VerificationReport> {
    const { chain, checkpoints, keyring, clock } = this.options;
    const checkedAt = clock.now().toISOString();
    const started = await this.start();
    if ('kind' in started) {
      const head = { seq: 0, hash: GENESIS.hash };
      const empty = { records: 0, checkpoints: 0, lastCheckpoint: null };
      return {
        status: 'broken',
        brokenLink: started,
        checkedAt,
        start: GENESIS_START,
        head,
        ...empty,
      };
    }
    // The latest checkpoint before the head: each existed with its record when read, so a
    // checkpoint above the head found afterwards means a cut tail, not a record chained meanwhile.
    const lastKnown = (await checkpoints.latest())?.seq ?? 0;
    const { seq, hash } = await findChainHead(chain);
    const head = { seq, hash };
    const outcome = await walkChain({
      start: started,
      headSeq: head.seq,
      records: chain.recordsAfter(started.seq),
      checkpoints: checkpoints.range(started.seq, Math.max(lastKnown, head.seq)),
      checkCheckpoint: (checkpoint) => checkCheckpoint(checkpoint, keyring),
    });
    const { brokenLink, ...tally } = outcome;
    const base = { checkedAt, start: started, head, ...tally };
    return brokenLink ? { status: 'broken', brokenLink, ...base } : { status: 'intact', ...base };
  }

  /** Genesis, or the retention horizon's checkpoint once its signature checks out. */
  private async start(): Promise<ChainStart | BrokenLink> {
    const { chain, checkpoints, keyring } = this.options;
    const horizon = await chain.readState('retention');
    if (!horizon || horizon.seq === 0) return GENESIS_START;
    const anchor = await checkpoints.at(horizon.seq);
    if (!anchor) {
      const detail = `retention kept checkpoint ${horizon.seq} as the start of the chain; it is gone`;
      return { kind: 'missing-checkpoint', seq: horizon.seq, detail };
    }
    const check = await checkCheckpoint(anchor, keyring);
    if (!check.ok || anchor.seq !== anchor._id) {
      const reason = check.ok ? 'stored under another seq' : check.reason;
      const detail = `the starting checkpoint ${horizon.seq} is not valid: ${reason}`;
      return { kind: 'forged-checkpoint', seq: horizon.seq, detail };
    }
    return { from: 'checkpoint', seq: anchor.seq, hash: anchor.hash };
  }
}

const GENESIS_START: ChainStart = { from: 'genesis', ...GENESIS };
