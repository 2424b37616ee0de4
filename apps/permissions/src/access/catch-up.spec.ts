import { CatchUp } from './catch-up';

const targets = new Map([
  [
    'a',
    [
      { partition: 0, offset: '2' },
      { partition: 1, offset: '0' },
    ],
  ],
  ['b', [{ partition: 0, offset: '1' }]],
]);

describe('CatchUp over several topics', () => {
  it('given topics that were empty at start, then it is caught up at once', () => {
    expect(new CatchUp(new Map([['a', [{ partition: 0, offset: '0' }]]])).caughtUp).toBe(true);
  });

  it('given messages handled up to every partition end of every topic, then it is caught up', () => {
    const catchUp = new CatchUp(targets);
    catchUp.handled('a', 0, '1');
    expect([catchUp.caughtUp, catchUp.lagging]).toEqual([false, ['b']]);
    catchUp.handled('b', 0, '0');
    expect(catchUp.caughtUp).toBe(true);
  });

  it('given the same partition number on another topic, then it is not taken for it', () => {
    const catchUp = new CatchUp(targets);
    catchUp.handled('b', 0, '5');
    expect(catchUp.lagging).toEqual(['a']);
  });

  it('given a parked message, then committed offsets count as progress', () => {
    const catchUp = new CatchUp(targets);
    catchUp.handled('b', 0, '0');
    catchUp.committed('a', [
      { partition: 0, offset: '2' },
      { partition: 1, offset: null },
    ]);
    expect(catchUp.caughtUp).toBe(true);
  });
});
