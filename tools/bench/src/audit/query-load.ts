import { Agent } from 'node:http';
import { percentile, send } from '../load';
import { Random } from '../permissions/random';
import type { QueryKind } from './queries';
import { searchPath } from './queries';
import type { QueryKindResult } from './results';

export interface QueryTarget {
  readonly baseUrl: string;
  readonly authorization: string;
}

export interface MeasureSettings {
  readonly queriesPerKind: number;
  /** A kind stops after this long (at least one query): on FerretDB one may take minutes. */
  readonly kindBudgetSeconds: number;
}

interface Page {
  readonly items: readonly unknown[];
  readonly nextCursor: string | null;
}

/**
 * Searches one after the other over one keep-alive connection (latency alone, no queueing).
 * Every answer must be a 200 page. A paging kind follows each answer's nextCursor (from the
 * first page again when a walk ends).
 */
export class QueryLoad {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(private readonly target: QueryTarget) {
    this.url = new URL(target.baseUrl);
  }

  /** One search; its latency in ms and its page. */
  async ask(params: Record<string, string>, cursor?: string): Promise<[number, Page]> {
    const call = {
      method: 'GET',
      path: searchPath(params, cursor),
      headers: { authorization: this.target.authorization },
    };
    const started = process.hrtime.bigint();
    const answer = await send(this.url, this.agent, call, true);
    const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (answer.status !== 200) {
      throw new Error(`${call.path}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
    }
    return [latencyMs, JSON.parse(answer.body) as Page];
  }

  /** Up to `queriesPerKind` searches of the kind within its budget; latencies also to `all`. */
  async measure(
    kind: QueryKind,
    settings: MeasureSettings,
    all: number[],
  ): Promise<QueryKindResult> {
    const random = new Random(kind.name.length * 7919);
    const latencies: number[] = [];
    const until = Date.now() + settings.kindBudgetSeconds * 1000;
    let params = kind.params(random);
    let cursor: string | undefined;
    let items = 0;
    do {
      if (!kind.pages || cursor === undefined) params = kind.params(random);
      const [latencyMs, page] = await this.ask(params, cursor);
      latencies.push(latencyMs);
      items += page.items.length;
      cursor = kind.pages ? (page.nextCursor ?? undefined) : undefined;
    } while (latencies.length < settings.queriesPerKind && Date.now() < until);
    all.push(...latencies);
    latencies.sort((a, b) => a - b);
    return {
      name: kind.name,
      example: kind.example,
      queries: latencies.length,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      itemsPerPage: items / latencies.length,
    };
  }

  close(): void {
    this.agent.destroy();
  }
}
