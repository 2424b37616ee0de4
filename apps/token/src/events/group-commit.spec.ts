import { CommitRefused, GroupCommit } from './group-commit';
import { manualCommitTimers, observe, settle } from './testing/manual-commit-timers';

interface Write {
  readonly items: readonly string[];
  succeed(): void;
  fail(error: Error): void;
}

/** A committer over a storage whose writes finish when the test says so. */
function committer(
  limits: { maxBatch?: number; maxWaiting?: number; timeoutMs?: number; maxInFlight?: number } = {},
) {
  const clock = manualCommitTimers();
  const writes: Write[] = [];
  const commit = new GroupCommit<string>({
    maxBatch: limits.maxBatch ?? 100,
    maxWaiting: limits.maxWaiting ?? 1_000,
    timeoutMs: limits.timeoutMs ?? 2_000,
    maxInFlight: limits.maxInFlight,
    timers: clock.timers,
    write: (items) =>
      new Promise<void>((resolve, reject) => {
        writes.push({ items, succeed: resolve, fail: reject });
      }),
  });
  const write = (index: number): Write => {
    const found = writes[index];
    if (!found) throw new Error(`no write #${index} (${writes.length} so far)`);
    return found;
  };
  return { commit, clock, writes, write };
}

describe('GroupCommit', () => {
  it('puts submissions of one burst into one write and resolves each once it is acknowledged', async () => {
    const { commit, clock, writes, write } = committer();
    const a = observe(commit.submit(['a1', 'a2']));
    const b = observe(commit.submit(['b1']));
    expect(writes).toEqual([]);

    clock.runSoon();
    await settle();
    expect(writes.map((w) => w.items)).toEqual([['a1', 'a2', 'b1']]);
    expect([a.state(), b.state()]).toEqual(['pending', 'pending']);

    write(0).succeed();
    await settle();
    expect([a.state(), b.state()]).toEqual(['resolved', 'resolved']);
  });

  it('gathers what arrives during a write into the next single write, started as soon as it ends', async () => {
    const { commit, clock, writes, write } = committer();
    const first = observe(commit.submit(['a']));
    clock.runSoon();
    const during = [observe(commit.submit(['b'])), observe(commit.submit(['c']))];
    clock.runSoon();
    expect(writes).toHaveLength(1);

    write(0).succeed();
    await settle();
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b', 'c']]);
    expect(first.state()).toBe('resolved');
    expect(during.map((d) => d.state())).toEqual(['pending', 'pending']);

    write(1).succeed();
    await settle();
    expect(during.map((d) => d.state())).toEqual(['resolved', 'resolved']);
  });

  it('bounds a write by maxBatch without splitting a submission; a larger one goes alone', async () => {
    const { commit, clock, writes, write } = committer({ maxBatch: 3 });
    void commit.submit(['a1', 'a2']);
    void commit.submit(['b1', 'b2']);
    void commit.submit(['c1', 'c2', 'c3', 'c4']);
    void commit.submit(['d1']);
    clock.runSoon();
    for (let index = 0; index < 3; index++) {
      write(index).succeed();
      await settle();
    }
    expect(writes.map((w) => w.items)).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['c1', 'c2', 'c3', 'c4'],
      ['d1'],
    ]);
  });

  it('fails every submission of a failed write, and only those', async () => {
    const { commit, clock, write } = committer();
    const failed = [commit.submit(['a']), commit.submit(['b'])].map(observe);
    clock.runSoon();
    const next = observe(commit.submit(['c']));
    const cause = new Error('connection reset');
    write(0).fail(cause);
    await settle();
    expect(failed.map((f) => f.state())).toEqual(['rejected', 'rejected']);
    expect(failed[0]?.error()).toEqual(new CommitRefused('write-failed'));
    expect((failed[0]?.error() as Error).cause).toBe(cause);

    write(1).succeed();
    await settle();
    expect(next.state()).toBe('resolved');
  });

  it('refuses at once what would make more than maxWaiting items wait; the write in flight does not count', async () => {
    const { commit, clock, writes } = committer({ maxWaiting: 3 });
    void commit.submit(['in-flight-1', 'in-flight-2']);
    clock.runSoon();
    void commit.submit(['w1', 'w2']);
    const over = observe(commit.submit(['w3', 'w4']));
    const fits = observe(commit.submit(['w3']));
    await settle();
    expect(over.state()).toBe('rejected');
    expect(over.error()).toEqual(new CommitRefused('overloaded'));
    expect(fits.state()).toBe('pending');
    expect(writes).toHaveLength(1);
  });

  it('times out a waiting submission, which is then never written and stops counting', async () => {
    const { commit, clock, writes, write } = committer({ maxWaiting: 2, timeoutMs: 500 });
    const slow = observe(commit.submit(['slow']));
    clock.runSoon();
    clock.advance(100);
    const late = observe(commit.submit(['late-1', 'late-2']));
    clock.advance(499);
    await settle();
    expect(late.state()).toBe('pending');

    clock.advance(1);
    await settle();
    expect(late.error()).toEqual(new CommitRefused('timeout'));
    expect(slow.error()).toEqual(new CommitRefused('timeout'));
    const after = observe(commit.submit(['after-1', 'after-2']));
    write(0).succeed();
    await settle();
    expect(writes.map((w) => w.items)).toEqual([['slow'], ['after-1', 'after-2']]);
    expect(after.state()).toBe('pending');
  });

  it('times out a submission whose write hangs, even if that write succeeds later', async () => {
    const { commit, clock, write } = committer({ timeoutMs: 500 });
    const hung = observe(commit.submit(['a']));
    clock.runSoon();
    clock.advance(500);
    await settle();
    expect(hung.error()).toEqual(new CommitRefused('timeout'));

    write(0).succeed();
    await settle();
    expect(hung.state()).toBe('rejected');
  });

  it('resolves an empty submission without writing', async () => {
    const { commit, clock, writes } = committer();
    await commit.submit([]);
    clock.runSoon();
    expect(writes).toEqual([]);
  });

  it('drains: writes what waits and resolves once every write is done', async () => {
    const { commit, writes, write } = committer({ maxBatch: 1 });
    const submitted = [commit.submit(['a']), commit.submit(['b'])].map(observe);
    const drained = observe(commit.drain());
    await settle();
    write(0).succeed();
    await settle();
    expect(drained.state()).toBe('pending');
    write(1).succeed();
    await settle();
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b']]);
    expect([...submitted.map((s) => s.state()), drained.state()]).toEqual([
      'resolved',
      'resolved',
      'resolved',
    ]);
  });

  it('given maxInFlight 2, then a submission during one write starts a second; a third waits for either', async () => {
    const { commit, clock, writes, write } = committer({ maxInFlight: 2 });
    const a = observe(commit.submit(['a']));
    clock.runSoon();
    const b = observe(commit.submit(['b']));
    clock.runSoon();
    const c = observe(commit.submit(['c1']));
    const d = observe(commit.submit(['c2']));
    clock.runSoon();
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b']]);

    write(1).succeed();
    await settle();
    expect(b.state()).toBe('resolved');
    expect(a.state()).toBe('pending');
    expect(writes.map((w) => w.items)).toEqual([['a'], ['b'], ['c1', 'c2']]);

    write(0).succeed();
    write(2).succeed();
    await settle();
    expect([a.state(), c.state(), d.state()]).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('given maxInFlight 2, then drain waits for every write in flight', async () => {
    const { commit, clock, write } = committer({ maxInFlight: 2 });
    void commit.submit(['a']);
    clock.runSoon();
    void commit.submit(['b']);
    clock.runSoon();
    const drained = observe(commit.drain());

    write(0).succeed();
    await settle();
    expect(drained.state()).toBe('pending');
    write(1).succeed();
    await settle();
    expect(drained.state()).toBe('resolved');
  });

  it.each(['maxBatch', 'maxWaiting', 'timeoutMs', 'maxInFlight'] as const)(
    'refuses a %s below 1',
    (key) => {
      const options = { maxBatch: 1, maxWaiting: 1, timeoutMs: 1, write: () => Promise.resolve() };
      expect(() => new GroupCommit({ ...options, [key]: 0 })).toThrow(
        `${key} must be a positive integer, got 0`,
      );
    },
  );
});
