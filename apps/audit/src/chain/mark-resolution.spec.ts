import { MarkConflict, resolveMark } from './mark-resolution';

const conflict = (overrides: Partial<MarkConflict>): MarkConflict => ({
  eventId: 'e1',
  nextSeq: 10,
  marks: [{ seq: 10, attempt: 1, holder: null }],
  horizon: 0,
  nextSeqTaken: false,
  ...overrides,
});

describe('resolveMark', () => {
  it('given a mark whose seq holds this event, then it is already chained (a duplicate)', () => {
    const marks = [{ seq: 4, attempt: 1, holder: 'e1' }];

    expect(resolveMark(conflict({ marks }))).toEqual({ kind: 'already-chained' });
  });

  it('given an older void mark and a later one holding the event, then it is already chained', () => {
    const marks = [
      { seq: 4, attempt: 1, holder: 'other' },
      { seq: 6, attempt: 2, holder: 'e1' },
    ];

    expect(resolveMark(conflict({ marks, nextSeqTaken: true }))).toEqual({
      kind: 'already-chained',
    });
  });

  it('given the next seq is taken, then the head is stale', () => {
    expect(resolveMark(conflict({ nextSeqTaken: true }))).toEqual({ kind: 'stale-head' });
  });

  it('given a mark at the next seq without a record (a crash in between), then it resumes', () => {
    expect(resolveMark(conflict({}))).toEqual({ kind: 'resume' });
  });

  it('given the marked seq holds another event (a lost race), then it marks again with the next attempt', () => {
    const marks = [
      { seq: 4, attempt: 1, holder: 'other' },
      { seq: 7, attempt: 2, holder: 'another' },
    ];

    expect(resolveMark(conflict({ marks }))).toEqual({ kind: 'remark', attempt: 3 });
  });

  it('given a mark above the head without a record (a crashed batch), then it marks again', () => {
    const marks = [{ seq: 12, attempt: 1, holder: null }];

    expect(resolveMark(conflict({ marks }))).toEqual({ kind: 'remark', attempt: 2 });
  });

  it('given a mark below the head whose record vanished, then it marks again', () => {
    const marks = [{ seq: 8, attempt: 1, holder: null }];

    expect(resolveMark(conflict({ marks, horizon: 5 }))).toEqual({ kind: 'remark', attempt: 2 });
  });

  it('given a mark at or below the retention horizon without a record, then it counts as chained', () => {
    const marks = [{ seq: 5, attempt: 1, holder: null }];

    expect(resolveMark(conflict({ marks, horizon: 5 }))).toEqual({ kind: 'already-chained' });
  });

  it('given no mark at all, then it refuses to guess', () => {
    expect(() => resolveMark(conflict({ marks: [] }))).toThrow(/at least one mark of e1/);
  });
});
