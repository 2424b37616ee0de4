import { StreamSequencer } from './stream-sequencer';

const event = (streamId: string, streamVersion: number) => ({ streamId, streamVersion });

describe('StreamSequencer', () => {
  function sequencer() {
    const applied: string[] = [];
    const s = new StreamSequencer<{ streamId: string; streamVersion: number }>((e) =>
      applied.push(`${e.streamId}@${e.streamVersion}`),
    );
    return { s, applied };
  }

  it('given versions in order, then each applies once and repeats are duplicates', () => {
    const { s, applied } = sequencer();

    expect([s.offer(event('a', 1)), s.offer(event('a', 2)), s.offer(event('a', 1))]).toEqual([
      'applied',
      'applied',
      'duplicate',
    ]);
    expect(applied).toEqual(['a@1', 'a@2']);
    expect(s.version('a')).toBe(2);
  });

  it('given a gap, then later versions wait and apply in order once it fills', () => {
    const { s, applied } = sequencer();
    s.offer(event('a', 1));

    expect(s.offer(event('a', 4))).toBe('held');
    expect(s.offer(event('a', 3))).toBe('held');
    expect(s.offer(event('a', 3))).toBe('held');
    expect(s.waiting).toBe(2);
    expect(s.offer(event('a', 2))).toBe('applied');

    expect(applied).toEqual(['a@1', 'a@2', 'a@3', 'a@4']);
    expect(s.waiting).toBe(0);
    expect(s.offer(event('a', 4))).toBe('duplicate');
  });

  it('given several streams, then each is sequenced on its own', () => {
    const { s, applied } = sequencer();

    s.offer(event('a', 2));
    s.offer(event('b', 1));
    s.offer(event('a', 1));

    expect(applied).toEqual(['b@1', 'a@1', 'a@2']);
  });
});
