import { createTenant, eventsOf, folder, given, limits, refusalOf, tree } from './testing/fixtures';

const ref = (folderId: string) => ({ tenantId: 't-1', folderId });

describe('tenant decider: creating and renaming folders', () => {
  describe('CreateFolder', () => {
    it('given a tenant, when a folder is created at the root, then FolderCreated', () => {
      expect(eventsOf(given(createTenant).when(folder('a', null, ' Finance ')))).toEqual([
        {
          type: 'FolderCreated',
          data: { ...ref('a'), before: null, after: { name: 'Finance', parentId: null } },
        },
      ]);
    });

    it('given a folder, when a sub-folder is created in it, then FolderCreated under it', () => {
      const [event] = eventsOf(given(createTenant, folder('a', null)).when(folder('b', 'a')));

      expect(event?.data).toMatchObject({ after: { name: 'b', parentId: 'a' } });
    });

    it('given a sibling of the same name in another case, then folder-name-taken', () => {
      const decision = tree().when(folder('x', null, 'a'));

      expect(refusalOf(decision)).toMatchObject({ code: 'folder-name-taken', field: 'name' });
    });

    it('given the same name under another parent, then the folder is created', () => {
      expect(eventsOf(tree().when(folder('x', 'd', 'A')))).toHaveLength(1);
    });

    it('when the parent is not in the tenant, then parent-not-found on parentId', () => {
      const decision = tree().when(folder('x', 'nope'));

      expect(refusalOf(decision)).toMatchObject({ code: 'parent-not-found', field: 'parentId' });
    });

    it('given the id is taken, then folder-already-exists', () => {
      expect(refusalOf(tree().when(folder('a', 'd', 'Other')))?.code).toBe('folder-already-exists');
    });

    it('when the id or the name is malformed, then invalid-id / invalid-name', () => {
      expect(refusalOf(tree().when(folder('x y', null)))?.code).toBe('invalid-id');
      expect(refusalOf(tree().when(folder('x', null, 'a/b')))?.code).toBe('invalid-name');
    });

    it(`given a folder at the max depth (${limits.maxDepth}), when a child is created, then folder-too-deep`, () => {
      const deep = given(
        createTenant,
        folder('l1', null),
        folder('l2', 'l1'),
        folder('l3', 'l2'),
        folder('l4', 'l3'),
      );

      expect(refusalOf(deep.when(folder('l5', 'l4')))?.code).toBe('folder-too-deep');
      expect(eventsOf(deep.when(folder('l4b', 'l3')))).toHaveLength(1);
    });

    it(`given ${limits.maxFolders} folders, when one more is created, then too-many-folders`, () => {
      const folders = Array.from({ length: limits.maxFolders }, (_, i) => folder(`f${i}`, null));
      const full = given(createTenant, ...folders);

      expect(refusalOf(full.when(folder('one-more', null)))?.code).toBe('too-many-folders');
    });
  });

  describe('RenameFolder', () => {
    const rename = (folderId: string, name: string) =>
      ({ type: 'RenameFolder', folderId, name }) as const;

    it('given a folder, when renamed, then FolderRenamed with before and after', () => {
      expect(eventsOf(tree().when(rename('b', 'Budget')))).toEqual([
        {
          type: 'FolderRenamed',
          data: {
            ...ref('b'),
            before: { name: 'B', parentId: 'a' },
            after: { name: 'Budget', parentId: 'a' },
          },
        },
      ]);
    });

    it('when renamed to its own name, then nothing happens; to another case of it, then renamed', () => {
      expect(eventsOf(tree().when(rename('a', 'A')))).toEqual([]);
      expect(eventsOf(tree().when(rename('a', 'a')))).toHaveLength(1);
    });

    it('given a sibling named so, then folder-name-taken', () => {
      expect(refusalOf(tree().when(rename('a', 'd')))?.code).toBe('folder-name-taken');
    });

    it('given no such folder, then folder-not-found', () => {
      expect(refusalOf(tree().when(rename('nope', 'X')))?.code).toBe('folder-not-found');
    });

    it('when the name is invalid, then invalid-name', () => {
      expect(refusalOf(tree().when(rename('a', ' ')))?.code).toBe('invalid-name');
    });
  });
});
