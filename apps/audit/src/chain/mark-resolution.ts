/**
 * What the chainer does with a pending event whose first mark exists already: a duplicate
 * delivery, a crash between mark and record, or a race with another chainer. Pure: the chainer
 * gathers the evidence (every mark of the event and which event holds each marked seq).
 */
export interface MarkEvidence {
  readonly seq: number;
  readonly attempt: number;
  /** The eventId of the record stored at `seq`; null when there is none. */
  readonly holder: string | null;
}

export interface MarkConflict {
  readonly eventId: string;
  /** The seq the chainer would give the event: its head + 1. */
  readonly nextSeq: number;
  /** Oldest attempt first; never empty. */
  readonly marks: readonly MarkEvidence[];
  /** Records up to this seq were removed by retention (0: none). */
  readonly horizon: number;
  /** Whether a record is stored at nextSeq already. */
  readonly nextSeqTaken: boolean;
}

export type MarkResolution =
  /** The event is in the chain (or was, before retention): drop it from pending. */
  | { readonly kind: 'already-chained' }
  /** The latest mark gives it nextSeq already (a crash before the record): insert the record. */
  | { readonly kind: 'resume' }
  /** Every mark is void: mark it again with this attempt at nextSeq, then insert the record. */
  | { readonly kind: 'remark'; readonly attempt: number }
  /** Another chainer moved the chain on: find the head again. */
  | { readonly kind: 'stale-head' };

export function resolveMark(conflict: MarkConflict): MarkResolution {
  const { eventId, nextSeq, marks, horizon, nextSeqTaken } = conflict;
  if (marks.some((mark) => mark.holder === eventId)) return { kind: 'already-chained' };
  if (nextSeqTaken) return { kind: 'stale-head' };
  const latest = marks.at(-1);
  if (!latest) throw new Error(`resolveMark needs at least one mark of ${eventId}`);
  const remark = { kind: 'remark', attempt: latest.attempt + 1 } as const;
  // Another event won that seq: this mark can never become true.
  if (latest.holder !== null) return remark;
  // Caveat: a void mark whose seq retention removed since looks the same; an event would have to
  // stay pending for longer than the retention age for that to happen.
  if (latest.seq <= horizon) return { kind: 'already-chained' };
  if (latest.seq === nextSeq) return { kind: 'resume' };
  // Below the head the record vanished (not by the chainer: verification reports it); above the
  // head (nextSeq is free, so the head is current) it is a crash leftover. Neither can come true.
  return remark;
}
