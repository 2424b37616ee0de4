import { CatchUp } from './catch-up';

const targets = [
  { partition: 0, offset: '2' },
  { partition: 1, offset: '0' },
  { partition: 2, offset: '1' },
];

describe('CatchUp', () => {
  it('given a topic that was empty at start, then it is caught up at once', () => {
    expect(new CatchUp([{ partition: 0, offset: '0' }]).caughtUp).toBe(true);
  });

  it('given messages handled up to every partition end, then it is caught up', () => {
    const catchUp = new CatchUp(targets);
    catchUp.handled(0, '0');
    catchUp.handled(2, '0');
    expect(catchUp.caughtUp).toBe(false);
    catchUp.handled(0, '1');
    expect(catchUp.caughtUp).toBe(true);
  });

  it('given a message parked instead of handled, then the committed offsets count as progress', () => {
    const catchUp = new CatchUp(targets);
    catchUp.handled(0, '1');
    catchUp.committed([
      { partition: 0, offset: '2' },
      { partition: 1, offset: null },
      { partition: 2, offset: '0' },
    ]);
    expect(catchUp.caughtUp).toBe(false);
    catchUp.committed([{ partition: 2, offset: '1' }]);
    expect(catchUp.caughtUp).toBe(true);
  });

  it('given offsets beyond 2^53, then they are compared exactly', () => {
    const catchUp = new CatchUp([{ partition: 0, offset: '9007199254740993' }]);
    catchUp.handled(0, '9007199254740991');
    expect(catchUp.caughtUp).toBe(false);
    catchUp.handled(0, '9007199254740992');
    expect(catchUp.caughtUp).toBe(true);
  });
});
