import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePermissionCatalogFile } from './catalog-file';

const dir = mkdtempSync(join(tmpdir(), 'permission-catalog-'));
const fileWith = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('PERMISSION_CATALOG_FILE', () => {
  it('given a valid catalog, then it is read as configured', () => {
    const path = fileWith(
      'ok.json',
      JSON.stringify({ permissions: [{ name: 'Robots.View', description: 'see robots' }] }),
    );
    expect(parsePermissionCatalogFile(path)).toEqual({
      ok: true,
      value: {
        path,
        catalog: { permissions: [{ name: 'Robots.View', description: 'see robots' }] },
      },
    });
  });

  it('given a missing file, then the reason names the path and the error code', () => {
    expect(parsePermissionCatalogFile(join(dir, 'missing.json'))).toEqual({
      ok: false,
      reason: `cannot read ${JSON.stringify(join(dir, 'missing.json'))} (ENOENT)`,
    });
  });

  it('given a file that is not JSON, then it says so', () => {
    const path = fileWith('bad.json', '{ permissions: ');
    expect(parsePermissionCatalogFile(path)).toEqual({
      ok: false,
      reason: `${JSON.stringify(path)} is not valid JSON`,
    });
  });

  it.each([
    ['a malformed name', [{ name: 'jobs.view', description: 'x' }], 'permissions.0.name'],
    [
      'a name listed twice',
      [
        { name: 'Jobs.View', description: 'x' },
        { name: 'Jobs.View', description: 'y' },
      ],
      'permissions.1.name: Jobs.View is listed twice',
    ],
    ['no permission', [], 'permissions: '],
  ])('given %s, then the reason points at the entry', (_case, permissions, issue) => {
    const path = fileWith('invalid.json', JSON.stringify({ permissions }));
    const parsed = parsePermissionCatalogFile(path);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(issue);
  });
});
