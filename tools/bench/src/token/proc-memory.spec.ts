import { eventually } from '@extapps/testing';
import { spawn } from 'node:child_process';
import { parentOf, parseStatus, readMemory, serverPid } from './proc-memory';

const STATUS = [
  'Name:\tnode',
  'VmPeak:\t 1234567 kB',
  'VmHWM:\t  262144 kB',
  'VmRSS:\t  131072 kB',
  'RssAnon:\t  100000 kB',
].join('\n');

describe('parseStatus', () => {
  it('reads the resident and the peak resident set sizes in MB', () => {
    expect(parseStatus(STATUS)).toEqual({ rssMb: 128, peakMb: 256 });
  });

  it('refuses a status without them rather than report zero', () => {
    expect(() => parseStatus('Name:\tnode\n')).toThrow('no VmRSS');
  });
});

describe('parentOf', () => {
  it('takes the parent pid after the command name, even one with spaces and parentheses', () => {
    expect(parentOf('4242 (node (a) b) S 17 4242 4242 0 -1')).toBe(17);
  });
});

describe('serverPid and readMemory (this Linux machine)', () => {
  it('finds the only child of a process and reads its memory', async () => {
    const child = `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })`;
    const parent = spawn(process.execPath, ['-e', `${child}; setInterval(() => {}, 1000)`]);
    let found: number | undefined;
    try {
      found = await eventually(() => serverPid(parent.pid ?? 0), { timeoutMs: 10_000 });

      const memory = await readMemory(found);
      expect(memory.rssMb).toBeGreaterThan(1);
      expect(memory.peakMb).toBeGreaterThanOrEqual(memory.rssMb);
    } finally {
      if (found !== undefined) process.kill(found, 'SIGKILL');
      parent.kill('SIGKILL');
    }
  });
});
