import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheRoot, ensureCached } from './cache';

const noLog = () => undefined;
// Lock waits poll; in tests a turn of the event loop is enough.
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cache-spec-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writingBuild(content: string, counter: { builds: number }) {
  return async (tmp: string) => {
    counter.builds++;
    mkdirSync(tmp);
    writeFileSync(join(tmp, 'file'), content);
  };
}

describe('ensureCached', () => {
  it('builds a missing entry once and reuses it afterwards', async () => {
    const counter = { builds: 0 };
    const options = { root, name: 'thing-1', log: noLog, build: writingBuild('v1', counter) };

    const first = await ensureCached(options);
    const second = await ensureCached(options);

    expect(first).toBe(join(root, 'thing-1'));
    expect(second).toBe(first);
    expect(readFileSync(join(first, 'file'), 'utf8')).toBe('v1');
    expect(counter.builds).toBe(1);
    expect(readdirSync(root)).toEqual(['thing-1']);
  });

  it('lets concurrent callers wait for one build instead of building twice', async () => {
    const counter = { builds: 0 };
    const lines: string[] = [];
    const options = {
      root,
      name: 'thing-1',
      log: (l: string) => lines.push(l),
      sleep: yieldTurn,
      build: writingBuild('v1', counter),
    };

    const results = await Promise.all([
      ensureCached(options),
      ensureCached(options),
      ensureCached(options),
    ]);

    expect(new Set(results)).toEqual(new Set([join(root, 'thing-1')]));
    expect(counter.builds).toBe(1);
    expect(lines.some((l) => l.includes('waiting for another run'))).toBe(true);
  });

  it('leaves no half entry and no lock when the build fails', async () => {
    const failing = async (tmp: string) => {
      mkdirSync(tmp);
      writeFileSync(join(tmp, 'partial'), 'x');
      throw new Error('download interrupted');
    };

    await expect(
      ensureCached({ root, name: 'thing-1', log: noLog, build: failing }),
    ).rejects.toThrow('download interrupted');

    expect(readdirSync(root)).toEqual([]);
  });

  it('takes over the lock and the leftovers of a builder that died', async () => {
    const deadPid = 2 ** 22 + 1; // above Linux's pid_max, so certainly not running
    writeFileSync(join(root, 'thing-1.lock'), String(deadPid));
    mkdirSync(join(root, `.thing-1.tmp-${deadPid}`));
    const counter = { builds: 0 };

    await ensureCached({
      root,
      name: 'thing-1',
      log: noLog,
      sleep: yieldTurn,
      build: writingBuild('v1', counter),
    });

    expect(counter.builds).toBe(1);
    expect(readdirSync(root)).toEqual(['thing-1']);
  });

  it('keeps the cache in EXTAPPS_CACHE_DIR when set, else under the home directory', () => {
    expect(cacheRoot({ EXTAPPS_CACHE_DIR: '/srv/cache' })).toBe('/srv/cache');
    expect(cacheRoot({})).toMatch(/\.cache\/extapps$/);
  });
});
