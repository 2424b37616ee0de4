import { parseIfMatch } from './request-meta';
import { AppProblem } from './problems';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppProblem) return [error.getStatus(), error.code];
    throw error;
  }
  throw new Error('expected an AppProblem');
};

describe('parseIfMatch', () => {
  it.each([
    ['"7"', 7],
    ['W/"7"', 7],
    [' "12" ', 12],
  ])('reads the version of %s', (header, version) => {
    expect(parseIfMatch(header, true)).toBe(version);
  });

  it('takes * as any version', () => {
    expect(parseIfMatch('*', true)).toBeUndefined();
  });

  it('lets an optional header be absent, and answers 428 when it is required', () => {
    expect(parseIfMatch(undefined, false)).toBeUndefined();
    expect(codeOf(() => parseIfMatch(undefined, true))).toEqual([428, 'if-match-required']);
    expect(codeOf(() => parseIfMatch('  ', true))).toEqual([428, 'if-match-required']);
  });

  it.each(['7', '"abc"', '"1", "2"', '"-1"'])('refuses the malformed %s with 400', (header) => {
    expect(codeOf(() => parseIfMatch(header, false))).toEqual([400, 'invalid-if-match']);
  });
});
