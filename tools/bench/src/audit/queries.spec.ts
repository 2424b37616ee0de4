import { Random } from '../permissions/random';
import { queryKinds, searchPath } from './queries';

const world = {
  apps: ['app-1', 'app-2'],
  start: new Date('2026-01-01T00:00:00.000Z'),
  end: new Date('2026-04-01T00:00:00.000Z'),
};

describe('queryKinds', () => {
  it('asks each filter of the search API, one combination and a cursor walk', () => {
    const kinds = queryKinds(world);
    const random = new Random(3);
    const asked = kinds.map((k) => Object.keys(k.params(random)).sort().join('+'));

    expect(asked).toEqual([
      '',
      'from+to',
      'actor',
      'targetApp',
      'action',
      'category',
      'outcome',
      'category+from+outcome+to',
      'outcome',
    ]);
    expect(kinds.filter((k) => k.pages).map((k) => k.name)).toEqual(['next page']);
  });

  it('keeps a time window inside the seeded span, one day wide', () => {
    const [, range] = queryKinds(world);
    for (let i = 0; i < 50; i++) {
      const { from, to } = range?.params(new Random(i)) ?? {};
      expect(Date.parse(to ?? '') - Date.parse(from ?? '')).toBe(86_400_000);
      expect(Date.parse(from ?? '')).toBeGreaterThanOrEqual(world.start.getTime());
      expect(Date.parse(to ?? '')).toBeLessThanOrEqual(world.end.getTime());
    }
  });

  it('builds the search path with the page size and the cursor when there is one', () => {
    expect(searchPath({ outcome: 'failure' })).toBe('/v1/audit/records?outcome=failure&limit=50');
    expect(searchPath({ actor: 'a b' }, 'eyJ9')).toBe(
      '/v1/audit/records?actor=a+b&limit=50&cursor=eyJ9',
    );
  });
});
