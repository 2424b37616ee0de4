import { checkpointDue } from './checkpoint-policy';

const policy = { everyRecords: 100, everyMs: 60_000 };
const now = new Date('2026-03-01T10:00:00.000Z');
const signed = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();

describe('checkpointDue', () => {
  it('given no checkpoint yet and a first record, then one is due at once', () => {
    expect(checkpointDue(policy, null, 1, now)).toBe(true);
  });

  it('given an empty chain, then none is due', () => {
    expect(checkpointDue(policy, null, 0, now)).toBe(false);
  });

  it('given N records since the last checkpoint, then one is due however recent it is', () => {
    const last = { seq: 200, signedAt: signed(0) };

    expect(checkpointDue(policy, last, 299, now)).toBe(false);
    expect(checkpointDue(policy, last, 300, now)).toBe(true);
  });

  it('given T elapsed and at least one record since, then one is due', () => {
    expect(checkpointDue(policy, { seq: 200, signedAt: signed(59_999) }, 201, now)).toBe(false);
    expect(checkpointDue(policy, { seq: 200, signedAt: signed(60_000) }, 201, now)).toBe(true);
  });

  it('given T elapsed but no record since, then none is due', () => {
    expect(checkpointDue(policy, { seq: 200, signedAt: signed(600_000) }, 200, now)).toBe(false);
  });
});
