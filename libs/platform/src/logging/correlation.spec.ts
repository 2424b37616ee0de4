import { validate, version } from 'uuid';
import {
  currentCorrelationId,
  isValidCorrelationId,
  resolveCorrelationId,
  runWithCorrelationId,
} from './correlation';

describe('correlation id', () => {
  it.each(['abc', 'A-Z_0.9:x', '01a22be9-aff1-75a9-a0f2-1b6fff5a215d', 'x'.repeat(200)])(
    'accepts %j',
    (id) => {
      expect(isValidCorrelationId(id)).toBe(true);
      expect(resolveCorrelationId(id)).toBe(id);
    },
  );

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(201)],
    ['a space', 'a b'],
    ['a newline', 'a\nb'],
    ['a slash', 'a/b'],
    ['a comma (repeated header)', 'a, b'],
    ['not a string', ['a']],
    ['absent', undefined],
  ])('replaces an id with %s by a fresh UUID v7', (_label, header) => {
    expect(isValidCorrelationId(header)).toBe(false);
    const id = resolveCorrelationId(header);
    expect(validate(id) && version(id)).toBe(7);
  });

  it('is available through async continuations of the code run with it, and only there', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await runWithCorrelationId('req-1', async () => {
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      return currentCorrelationId();
    });
    expect(seen).toBe('req-1');
    expect(currentCorrelationId()).toBeUndefined();
  });
});
