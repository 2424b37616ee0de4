import { RecordCursor, RecordFilters, RecordOrder } from './query-schemas';

export type MongoFilter = Record<string, unknown>;

/** The MongoDB filter of a search: every given filter, AND-ed, and past the cursor if any. */
export function recordFilter(filters: RecordFilters, cursor?: RecordCursor): MongoFilter {
  const { from, to, actor, targetApp, action, category, outcome } = filters;
  return {
    ...((from || to) && {
      occurredAt: { ...(from && { $gte: from }), ...(to && { $lt: to }) },
    }),
    ...(actor && { 'actor.id': actor }),
    ...(targetApp && { 'target.type': 'app', 'target.id': targetApp }),
    ...(action && { action }),
    ...(category && { category }),
    ...(outcome && { 'outcome.status': outcome }),
    ...(cursor && { _id: cursor.order === 'newest' ? { $lt: cursor.seq } : { $gt: cursor.seq } }),
  };
}

/** Chain order: seq is the `_id`, so both directions walk the primary key. */
export function recordSort(order: RecordOrder): Record<string, 1 | -1> {
  return { _id: order === 'newest' ? -1 : 1 };
}
