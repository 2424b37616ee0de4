import { decideTenant, initialTenantState } from './tenant.decider';
import {
  assignmentsAt,
  context,
  createTenant,
  eventsOf,
  folder,
  given,
  refusalOf,
} from './testing/fixtures';

describe('tenant decider: the tenant itself', () => {
  describe('CreateTenant', () => {
    it('given nothing, when created, then TenantCreated with the trimmed name', () => {
      const decision = decideTenant(
        { ...createTenant, name: '  Acme  ' },
        initialTenantState,
        context(),
      );

      expect(eventsOf(decision)).toEqual([
        { type: 'TenantCreated', data: { tenantId: 't-1', before: null, after: { name: 'Acme' } } },
      ]);
    });

    it('given a tenant, when created again under its id, then tenant-already-exists', () => {
      expect(refusalOf(given(createTenant).when(createTenant))?.code).toBe('tenant-already-exists');
    });

    it.each([
      ['empty', '   '],
      ['too long', 'x'.repeat(101)],
      ['a slash', 'a/b'],
      ['a control character', 'a\u0007b'],
    ])('when the name is %s, then invalid-name on name', (_, name) => {
      const decision = decideTenant({ ...createTenant, name }, initialTenantState, context());

      expect(refusalOf(decision)).toMatchObject({ code: 'invalid-name', field: 'name' });
    });

    it('when the id is malformed, then invalid-id on tenantId', () => {
      const decision = decideTenant(
        { ...createTenant, tenantId: 'a b' },
        initialTenantState,
        context(),
      );

      expect(refusalOf(decision)).toMatchObject({ code: 'invalid-id', field: 'tenantId' });
    });
  });

  describe('RenameTenant', () => {
    it('given a tenant, when renamed, then TenantRenamed with before and after', () => {
      const decision = given(createTenant).when({ type: 'RenameTenant', name: 'Globex ' });

      expect(eventsOf(decision)).toEqual([
        {
          type: 'TenantRenamed',
          data: { tenantId: 't-1', before: { name: 'Acme' }, after: { name: 'Globex' } },
        },
      ]);
    });

    it('given a tenant, when renamed to its name, then nothing happens (a safe retry)', () => {
      expect(eventsOf(given(createTenant).when({ type: 'RenameTenant', name: 'Acme' }))).toEqual(
        [],
      );
    });

    it('when the new name is invalid, then invalid-name', () => {
      const decision = given(createTenant).when({ type: 'RenameTenant', name: '' });

      expect(refusalOf(decision)?.code).toBe('invalid-name');
    });
  });

  describe('DeleteTenant', () => {
    const del = (cascade: boolean) => ({ type: 'DeleteTenant', cascade }) as const;

    it('given an empty tenant, when deleted, then TenantDeleted', () => {
      expect(eventsOf(given(createTenant).when(del(false)))).toEqual([
        { type: 'TenantDeleted', data: { tenantId: 't-1', before: { name: 'Acme' }, after: null } },
      ]);
    });

    it('given folders, when deleted without cascade, then tenant-not-empty', () => {
      const decision = given(createTenant, folder('a', null)).when(del(false));

      expect(refusalOf(decision)).toMatchObject({
        code: 'tenant-not-empty',
        message: expect.stringContaining('1 folder(s)'),
      });
    });

    it('given an assignment on the tenant, when deleted without cascade, then tenant-not-empty', () => {
      const decision = given(createTenant).when(del(false), context(assignmentsAt(null)));

      expect(refusalOf(decision)?.code).toBe('tenant-not-empty');
    });

    it('given folders and assignments, when deleted with cascade, then one TenantDeleted', () => {
      const decision = given(createTenant, folder('a', null)).when(
        del(true),
        context(assignmentsAt('a', null)),
      );

      expect(eventsOf(decision).map((e) => e.type)).toEqual(['TenantDeleted']);
    });
  });

  describe('on a tenant that is not there', () => {
    it.each([
      { type: 'RenameTenant', name: 'X' },
      { type: 'DeleteTenant', cascade: true },
      folder('a', null),
      { type: 'RenameFolder', folderId: 'a', name: 'X' },
    ] as const)('given no tenant, when $type, then tenant-not-found', (command) => {
      expect(refusalOf(decideTenant(command, initialTenantState, context()))?.code).toBe(
        'tenant-not-found',
      );
    });

    it('given a deleted tenant, when anything but CreateTenant, then tenant-deleted', () => {
      const deleted = given(createTenant, { type: 'DeleteTenant', cascade: false });

      expect(refusalOf(deleted.when({ type: 'RenameTenant', name: 'X' }))?.code).toBe(
        'tenant-deleted',
      );
      expect(refusalOf(deleted.when(folder('a', null)))?.code).toBe('tenant-deleted');
      expect(refusalOf(deleted.when(createTenant))?.code).toBe('tenant-already-exists');
    });
  });
});
