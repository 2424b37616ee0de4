import { Random } from '../permissions/random';
import { ADMINS, RECORD_KINDS } from './seed-records';

/** What a query kind knows of the seeded world. */
export interface QueryWorld {
  readonly apps: readonly string[];
  readonly start: Date;
  readonly end: Date;
}

/** One kind of search, as a compliance officer would ask it: its query string for the n-th ask. */
export interface QueryKind {
  readonly name: string;
  /** Shown in the report: what the kind filters on. */
  readonly example: string;
  params(random: Random): Record<string, string>;
  /** Follows the previous answer's nextCursor (one walk, sequential). */
  readonly pages?: boolean;
}

const DAY_MS = 86_400_000;
const CATEGORIES = [...new Set(RECORD_KINDS.map((k) => k.category))];
const ACTIONS = RECORD_KINDS.map((k) => k.action);

/** A window of `days` inside the seeded span, at random. */
function window(world: QueryWorld, random: Random, days: number): Record<string, string> {
  const span = world.end.getTime() - world.start.getTime();
  const width = Math.min(span, days * DAY_MS);
  const from = world.start.getTime() + Math.floor(random.next() * (span - width));
  return { from: new Date(from).toISOString(), to: new Date(from + width).toISOString() };
}

/** The kinds measured: each filter of the search API alone, one combination, and paging. */
export function queryKinds(world: QueryWorld): QueryKind[] {
  return [
    { name: 'newest', example: '(no filter)', params: () => ({}) },
    { name: 'time range', example: 'from/to, 1 day', params: (r) => window(world, r, 1) },
    { name: 'actor', example: 'actor=<admin>', params: (r) => ({ actor: r.pick(ADMINS) }) },
    {
      name: 'target app',
      example: 'targetApp=<app>',
      params: (r) => ({ targetApp: r.pick(world.apps) }),
    },
    { name: 'action', example: 'action=<action>', params: (r) => ({ action: r.pick(ACTIONS) }) },
    {
      name: 'category',
      example: 'category=<category>',
      params: (r) => ({ category: r.pick(CATEGORIES) }),
    },
    { name: 'outcome', example: 'outcome=failure', params: () => ({ outcome: 'failure' }) },
    {
      name: 'combined',
      example: 'category+outcome+7 days',
      params: (r) => ({ category: 'authentication', outcome: 'failure', ...window(world, r, 7) }),
    },
    {
      name: 'next page',
      example: 'outcome=failure&cursor=…',
      params: () => ({ outcome: 'failure' }),
      pages: true,
    },
  ];
}

/** The request path of a search; `limit` is the API's default page size. */
export function searchPath(params: Record<string, string>, cursor?: string): string {
  const query = new URLSearchParams({ ...params, limit: '50', ...(cursor && { cursor }) });
  return `/v1/audit/records?${query.toString()}`;
}
