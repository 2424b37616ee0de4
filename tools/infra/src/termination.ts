import { signalStopAll } from './local/process';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `cleanup` when this process is told to stop (Ctrl-C, SIGTERM, hang-up), then lets the
 * signal take its default course. On any other exit only synchronous work is possible, so the
 * owned servers are just signalled; their watchdogs finish the job.
 * Returns a function that removes the handlers again.
 */
export function stopOnTermination(
  cleanup: () => Promise<void>,
  log: (line: string) => void,
): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    uninstall();
    log(`[infra] ${signal}: stopping infrastructure`);
    cleanup()
      .catch((error: unknown) => log(`[infra] stopping failed: ${String(error)}`))
      .finally(() => process.kill(process.pid, signal));
  };
  const onExit = () => signalStopAll();
  for (const signal of SIGNALS) process.once(signal, onSignal);
  process.once('exit', onExit);
  function uninstall() {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
    process.removeListener('exit', onExit);
  }
  return uninstall;
}
