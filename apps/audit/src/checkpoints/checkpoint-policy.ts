/** When the chainer signs a checkpoint: every N records, and after T ms with new records. */
export interface CheckpointPolicy {
  readonly everyRecords: number;
  readonly everyMs: number;
}

export interface LastCheckpoint {
  readonly seq: number;
  readonly signedAt: string;
}

/**
 * Due when the head is past the last checkpoint by `everyRecords`, or by anything at all once
 * `everyMs` have passed since it was signed. A chain without a checkpoint gets one at once, so the
 * tail is covered from the first record on.
 */
export function checkpointDue(
  policy: CheckpointPolicy,
  last: LastCheckpoint | null,
  headSeq: number,
  now: Date,
): boolean {
  const lastSeq = last?.seq ?? 0;
  if (headSeq <= lastSeq) return false;
  if (!last || headSeq - lastSeq >= policy.everyRecords) return true;
  return now.getTime() - Date.parse(last.signedAt) >= policy.everyMs;
}
