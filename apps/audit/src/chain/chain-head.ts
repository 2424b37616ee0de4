import { ChainPosition, ChainStateDocument, ChainTip, StoredRecord } from './chain-documents';
import { GENESIS_HASH } from '@extapps/contracts';

export interface HeadSource {
  readState(id: ChainStateDocument['_id']): Promise<ChainStateDocument | null>;
  recordAt(seq: number): Promise<StoredRecord | null>;
}

export const GENESIS: ChainPosition = { seq: 0, hash: GENESIS_HASH };

/**
 * The true head: the last record of the chain. The `head` document is only a hint, written after
 * its record, so it never points past the chain; the chainer probes `_id: hint + 1, + 2, ...`
 * from it (one `_id` lookup each; usually none or one). It starts from the retention horizon
 * instead when that is further on, since the records up to the horizon may be gone.
 *
 * Caveat: a record deleted behind the head's back (tampering) ends the probe early; the chainer
 * then tries to insert at the gap, which verification still reports (a broken link after it).
 */
export async function findChainHead(source: HeadSource): Promise<ChainTip> {
  const [hint, horizon] = await Promise.all([
    source.readState('head'),
    source.readState('retention'),
  ]);
  let head = [hint, horizon].reduce<ChainTip>((best, state) => {
    if (!state || state.seq <= best.seq) return best;
    const { seq, hash, recordedAt } = state;
    return { seq, hash, ...(recordedAt && { recordedAt }) };
  }, GENESIS);
  for (;;) {
    const next = await source.recordAt(head.seq + 1);
    if (!next) return head;
    head = { seq: next._id, hash: next.hash, recordedAt: next.recordedAt };
  }
}
