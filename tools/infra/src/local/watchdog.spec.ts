import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '../wait';
import { isAlive } from './pids';
import { spawnOwned } from './process';

const FIXTURE = join(__dirname, 'testing', 'owner-fixture.ts');
const IDLE = 'setInterval(() => {}, 1000)';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'watchdog-spec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A server script that records its pid so the test can check on it. */
function serverScript(pidFile: string, extra = ''): string[] {
  return [
    '-e',
    `${extra} require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); ${IDLE}`,
  ];
}

async function pidFrom(file: string): Promise<number> {
  await waitUntil(() => existsSync(file) && readFileSync(file, 'utf8').length > 0, {
    timeoutMs: 10_000,
    describe: () => `no pid written to ${file}`,
  });
  return Number(readFileSync(file, 'utf8'));
}

function gone(pid: number, what: string): Promise<void> {
  return waitUntil(() => !isAlive(pid), {
    timeoutMs: 15_000,
    intervalMs: 50,
    describe: () => `${what} ${pid} still alive`,
  });
}

/** Starts the owner fixture through swc-node and waits for its ready line. */
async function startOwner(pidFile: string, orphanDir: string): Promise<ChildProcess> {
  const owner = spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE, pidFile, orphanDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  owner.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await waitUntil(() => out.includes('owner ready'), {
    timeoutMs: 20_000,
    describe: () => `owner not ready: ${out}`,
  });
  return owner;
}

describe('watchdog', () => {
  it('kills the server and deletes its run directory when the owner is SIGKILLed', async () => {
    const pidFile = join(dir, 'server.pid');
    const orphanDir = join(dir, 'run');
    mkdirSync(orphanDir);
    const owner = await startOwner(pidFile, orphanDir);
    const serverPid = await pidFrom(pidFile);
    expect(isAlive(serverPid)).toBe(true);

    owner.kill('SIGKILL');

    await gone(serverPid, 'server');
    await waitUntil(() => !existsSync(orphanDir), {
      timeoutMs: 5_000,
      describe: () => `${orphanDir} left behind`,
    });
  });

  it('stops the server when the owner gets Ctrl-C, and the owner then ends by that signal', async () => {
    const pidFile = join(dir, 'server.pid');
    const owner = await startOwner(pidFile, '-');
    const serverPid = await pidFrom(pidFile);
    const ownerExit = new Promise<NodeJS.Signals | null>((resolve) =>
      owner.once('exit', (_code, signal) => resolve(signal)),
    );

    owner.kill('SIGINT');

    expect(await ownerExit).toBe('SIGINT');
    expect(isAlive(serverPid)).toBe(false);
  });

  it('also watches an owner that is not its parent', async () => {
    const pidFile = join(dir, 'server.pid');
    const owner = spawn(process.execPath, ['-e', IDLE], { stdio: 'ignore' });
    const server = spawnOwned({
      command: process.execPath,
      args: serverScript(pidFile),
      ownerPid: owner.pid,
    });
    const serverPid = await pidFrom(pidFile);

    owner.kill('SIGKILL');

    await gone(serverPid, 'server');
    expect(await server.exited).toBe(143);
  });

  it('stop() forwards SIGTERM and reports the exit once the server is gone', async () => {
    const pidFile = join(dir, 'server.pid');
    const server = spawnOwned({ command: process.execPath, args: serverScript(pidFile) });
    const serverPid = await pidFrom(pidFile);

    await server.stop();

    expect(server.hasExited()).toBe(true);
    expect(isAlive(serverPid)).toBe(false);
  });

  it('stop() kills a server that ignores SIGTERM once the grace period is over', async () => {
    const pidFile = join(dir, 'server.pid');
    const ignoresSigterm = serverScript(pidFile, "process.on('SIGTERM', () => {});");
    const server = spawnOwned({ command: process.execPath, args: ignoresSigterm });
    const serverPid = await pidFrom(pidFile);

    await server.stop(300);

    await gone(serverPid, 'server');
    expect(isAlive(server.pid)).toBe(false);
  });

  it('writes the server output to the log file and reports a command that does not exist', async () => {
    const logFile = join(dir, 'server.log');
    const server = spawnOwned({ command: join(dir, 'no-such-binary'), args: [], logFile });

    expect(await server.exited).toBe(127);
    expect(readFileSync(logFile, 'utf8')).toContain('cannot start');
  });
});
