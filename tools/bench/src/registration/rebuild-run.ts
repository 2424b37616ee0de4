import { runFromSource } from './source-process';
import { Stopwatch } from './stopwatch';

const REBUILD_ENTRY = 'apps/registration/src/rebuild/main.ts';

export interface RebuildOutcome {
  readonly events: number;
  readonly views: number;
  /** As the CLI measured it: the replay alone, without process start-up. */
  readonly seconds: number;
  readonly perSecond: number;
}

export interface RebuildRun extends RebuildOutcome {
  /** The whole child process, start-up and transpiling included. */
  readonly wallSeconds: number;
}

// `[rebuild] done: 1000000 events, 100000 app views in 93.2 s (10730 events/s)`, as printed by
// apps/registration/src/rebuild/main.ts.
const DONE =
  /^\[rebuild\] done: (\d+) events, (\d+) app views in (\d+(?:\.\d+)?) s \((\d+) events\/s\)$/;

/** The CLI's summary line, or null for any other line. */
export function parseRebuildDone(line: string): RebuildOutcome | null {
  const match = DONE.exec(line.trim());
  if (!match) return null;
  const [events, views, seconds, perSecond] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return { events, views, seconds, perSecond };
}

export interface RebuildOptions {
  readonly mongoUrl: string;
  readonly database: string;
  readonly batchSize: number;
  readonly log: (line: string) => void;
}

/** `nx run registration:rebuild` on the seeded database, as an operator would run it. */
export async function runRebuild(options: RebuildOptions): Promise<RebuildRun> {
  const clock = new Stopwatch();
  let outcome: RebuildOutcome | null = null;
  const child = runFromSource(
    REBUILD_ENTRY,
    {
      MONGO_URL: options.mongoUrl,
      MONGO_DB: options.database,
      REBUILD_BATCH_SIZE: String(options.batchSize),
    },
    (line) => {
      outcome = parseRebuildDone(line) ?? outcome;
      options.log(`  ${line}`);
    },
  );
  const code = await child.finished;
  const done = outcome as RebuildOutcome | null;
  if (code !== 0 || !done) {
    throw new Error(
      `the rebuild CLI ${code !== 0 ? `exited with ${code}` : 'printed no "done" line'}; ` +
        `its last output:\n${child.tail()}`,
    );
  }
  return { ...done, wallSeconds: clock.seconds() };
}
