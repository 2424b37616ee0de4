import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Env } from '@extapps/platform';

const WORKSPACE = resolve(__dirname, '../../../../..');

/** Runs the service's real entry point as a process that must stop on its own. */
export function runTokenMain(env: Env): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/token/src/main.ts'], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tsconfig.base.json', PORT: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = setTimeout(() => child.kill(), 45_000);
  return new Promise((done) =>
    child.on('exit', (code) => {
      clearTimeout(deadline);
      done({ code, output });
    }),
  );
}
