import { ChainPosition } from '../chain/chain-documents';

/**
 * The kinds of broken link, each at the lowest seq where it shows:
 * - `edited-record`: the record's hash does not match its content (any field, seq, prevHash, hash);
 * - `deleted-record`: a seq is missing between the start and the next record;
 * - `reordered-records`: an intact record sits at another seq than its own, or does not link to
 *   the record before it;
 * - `truncated-tail`: records are missing at the end, below the last checkpoint or the head;
 * - `checkpoint-mismatch`: a validly signed checkpoint names a different hash than the record at
 *   its seq (the chain was rewritten up to there);
 * - `forged-checkpoint`: a checkpoint whose signature is bad, whose key is unknown, or whose
 *   fields differ from what was signed;
 * - `missing-checkpoint`: the checkpoint retention kept as the chain's start is gone.
 */
export type BreakKind =
  | 'edited-record'
  | 'deleted-record'
  | 'reordered-records'
  | 'truncated-tail'
  | 'checkpoint-mismatch'
  | 'forged-checkpoint'
  | 'missing-checkpoint';

export interface BrokenLink {
  readonly kind: BreakKind;
  readonly seq: number;
  readonly detail: string;
}

export interface CheckpointSummary {
  readonly seq: number;
  readonly hash: string;
  readonly recordedAt: string;
  readonly signedAt: string;
  readonly keyId: string;
}

/** Where verification starts: the genesis hash, or the signed checkpoint retention kept. */
export interface ChainStart extends ChainPosition {
  readonly from: 'genesis' | 'checkpoint';
}

interface ReportBase {
  readonly checkedAt: string;
  readonly start: ChainStart;
  /** The head when verification started; later records are left for the next run. */
  readonly head: ChainPosition;
  /** Records and checkpoints checked (up to the broken link, if any). */
  readonly records: number;
  readonly checkpoints: number;
  /** The last checkpoint checked and found valid. */
  readonly lastCheckpoint: CheckpointSummary | null;
}

export type VerificationReport =
  | (ReportBase & { readonly status: 'intact' })
  | (ReportBase & { readonly status: 'broken'; readonly brokenLink: BrokenLink });
