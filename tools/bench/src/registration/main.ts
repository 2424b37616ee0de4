// `nx run bench:bench-registration`: the registration service's benchmark (issue #3 item 9).
// Not a test: it prints numbers and fails only when a step fails. Settings (BENCH_EVENTS, ...)
// are read from the environment; see settings.ts and tools/bench/README.md.
import { describeInfrastructure, resolveInfrastructure, stopOnTermination } from '@extapps/infra';
import { randomBytes } from 'node:crypto';
import { cleanUp, log, Run, startService, stopService } from './bench-run';
import { measureCommands } from './commands';
import { measureLongHistory } from './long-history';
import { benchRebuild } from './rebuild-bench';
import { formatReport } from './report';
import { loadSettings } from './settings';
import { runBenchmark } from '../report-frame';

async function benchmark(run: Run): Promise<void> {
  const { settings, infra } = run;
  const step = (name: string) => {
    run.step = name;
  };
  if (settings.parts.includes('rebuild')) {
    run.results.rebuild = await benchRebuild({
      mongoUrl: infra.mongoUrl,
      database: `bench_${run.id}`,
      settings,
      log,
      step,
      created: (database) => run.databases.push(database),
    });
  }
  const common = { concurrency: settings.concurrency, run: run.id, log };
  if (settings.parts.includes('commands')) {
    const service = await startService(run, 'commands');
    step('command throughput');
    run.results.commands = await measureCommands(service, {
      ...common,
      apps: settings.apps,
      renames: settings.renames,
    });
    await stopService(run);
  }
  if (settings.parts.includes('history')) {
    const service = await startService(run, 'history');
    step('long history');
    run.results.history = await measureLongHistory(service, {
      ...common,
      history: settings.history,
      samples: settings.samples,
    });
    await stopService(run);
  }
}

async function main(): Promise<number> {
  const settings = loadSettings(process.env);
  log(`[bench] settings ${JSON.stringify(settings)}`);
  const infra = await resolveInfrastructure({ log });
  const run: Run = {
    id: randomBytes(4).toString('hex'),
    settings,
    infra,
    databases: [],
    results: { infrastructure: describeInfrastructure(infra) },
    step: 'starting',
  };
  const uninstall = stopOnTermination(() => cleanUp(run), log);
  try {
    await benchmark(run);
    log(formatReport(run.results, settings));
    return 0;
  } catch (error) {
    log(formatReport(run.results, settings));
    console.error(
      `\n[bench] FAILED while ${run.step}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    uninstall();
    await cleanUp(run);
  }
}

runBenchmark(main);
