import {
  assignmentsAt,
  context,
  createTenant,
  eventsOf,
  folder,
  given,
  refusalOf,
  tree,
} from './testing/fixtures';

const ref = (folderId: string) => ({ tenantId: 't-1', folderId });

describe('tenant decider: moving and deleting folders', () => {
  describe('MoveFolder', () => {
    const move = (folderId: string, parentId: string | null, name?: string) =>
      ({ type: 'MoveFolder', folderId, parentId, ...(name ? { name } : {}) }) as const;

    it('given a tree, when a folder moves under another, then FolderMoved (its sub-tree follows)', () => {
      const moved = tree();
      const [event] = eventsOf(moved.when(move('b', 'd')));

      expect(event).toEqual({
        type: 'FolderMoved',
        data: {
          ...ref('b'),
          before: { name: 'B', parentId: 'a' },
          after: { name: 'B', parentId: 'd' },
        },
      });
    });

    it('when it moves to the tenant root, then FolderMoved with parentId null', () => {
      const [event] = eventsOf(tree().when(move('c', null)));

      expect(event?.data).toMatchObject({ after: { name: 'C', parentId: null } });
    });

    it('when it moves into itself or a descendant, then folder-cycle', () => {
      expect(refusalOf(tree().when(move('a', 'a')))).toMatchObject({
        code: 'folder-cycle',
        field: 'parentId',
      });
      expect(refusalOf(tree().when(move('a', 'c')))?.code).toBe('folder-cycle');
    });

    it('given a sibling of that name under the new parent, then folder-name-taken', () => {
      expect(refusalOf(tree().when(move('d', 'a', 'b')))?.code).toBe('folder-name-taken');
    });

    it('when renamed on arrival, then one FolderMoved carrying the new name', () => {
      const [event] = eventsOf(tree().when(move('d', 'a', 'Dee')));

      expect(event?.data).toMatchObject({ after: { name: 'Dee', parentId: 'a' } });
    });

    it('when the parent does not change, then a rename, or nothing without a new name', () => {
      expect(eventsOf(tree().when(move('b', 'a')))).toEqual([]);
      expect(eventsOf(tree().when(move('b', 'a', 'Bee'))).map((e) => e.type)).toEqual([
        'FolderRenamed',
      ]);
    });

    it('when the sub-tree would end up deeper than the max depth, then folder-too-deep', () => {
      const withChain = given(
        createTenant,
        folder('a', null),
        folder('b', 'a'),
        folder('c', 'b'),
        folder('x', null),
        folder('y', 'x'),
      );

      expect(refusalOf(withChain.when(move('x', 'c')))?.code).toBe('folder-too-deep');
      expect(eventsOf(withChain.when(move('x', 'b')))).toHaveLength(1);
    });

    it('when the new parent or the folder is unknown, then parent-not-found / folder-not-found', () => {
      expect(refusalOf(tree().when(move('a', 'nope')))?.code).toBe('parent-not-found');
      expect(refusalOf(tree().when(move('nope', null)))?.code).toBe('folder-not-found');
    });
  });

  describe('DeleteFolder', () => {
    const del = (folderId: string, cascade = false) =>
      ({ type: 'DeleteFolder', folderId, cascade }) as const;

    it('given an empty leaf, when deleted, then FolderDeleted without descendants', () => {
      expect(eventsOf(tree().when(del('d')))).toEqual([
        {
          type: 'FolderDeleted',
          data: {
            ...ref('d'),
            descendantIds: [],
            before: { name: 'D', parentId: null },
            after: null,
          },
        },
      ]);
    });

    it('given sub-folders, when deleted without cascade, then folder-not-empty', () => {
      expect(refusalOf(tree().when(del('a')))?.code).toBe('folder-not-empty');
    });

    it('given an assignment on the leaf, when deleted without cascade, then folder-not-empty', () => {
      const decision = tree().when(del('c'), context(assignmentsAt('c')));

      expect(refusalOf(decision)).toMatchObject({
        code: 'folder-not-empty',
        message: expect.stringContaining('1 assignment(s)'),
      });
    });

    it('given assignments elsewhere only, when a leaf is deleted, then it is deleted', () => {
      expect(eventsOf(tree().when(del('c'), context(assignmentsAt('b', null))))).toHaveLength(1);
    });

    it('given a sub-tree with assignments, when deleted with cascade, then ONE event naming every descendant', () => {
      const events = eventsOf(tree().when(del('a', true), context(assignmentsAt('a', 'c'))));

      expect(events).toEqual([
        {
          type: 'FolderDeleted',
          data: {
            ...ref('a'),
            descendantIds: ['b', 'c'],
            before: { name: 'A', parentId: null },
            after: null,
          },
        },
      ]);
    });

    it('given no such folder, then folder-not-found', () => {
      expect(refusalOf(tree().when(del('nope', true)))?.code).toBe('folder-not-found');
    });
  });
});
