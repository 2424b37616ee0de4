import { spawn } from 'node:child_process';
import type { Log } from '../types';

export interface RunCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  log: Log;
  /** Human name for progress lines, e.g. "building FerretDB". */
  label: string;
  heartbeatMs?: number;
}

/**
 * Runs a one-off build command to completion, keeping its output for the error message and
 * printing a heartbeat so a multi-minute cold build does not look like a hang.
 */
export function runCommand(
  command: string,
  args: string[],
  options: RunCommandOptions,
): Promise<void> {
  const started = Date.now();
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: 'pipe',
    });
    const keep = (chunk: Buffer) => output.push(chunk.toString());
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const heartbeat = setInterval(() => {
      options.log(
        `[infra] still ${options.label} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }, options.heartbeatMs ?? 20_000);
    child.once('error', (error) => {
      clearInterval(heartbeat);
      const hint =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? ` (is ${command} installed and on PATH?)`
          : '';
      reject(new Error(`${options.label}: cannot run ${command}${hint}: ${error.message}`));
    });
    child.once('close', (code) => {
      clearInterval(heartbeat);
      if (code === 0) return resolve();
      const tail = output.join('').split('\n').slice(-30).join('\n');
      reject(
        new Error(`${options.label}: ${command} ${args.join(' ')} exited with ${code}\n${tail}`),
      );
    });
  });
}
