import { PermissionInterner } from './permission-sets';

describe('PermissionInterner', () => {
  it('given the same names in any order, then one shared set holds them', () => {
    const interner = new PermissionInterner(['Jobs.View']);

    const a = interner.setOf(['Jobs.View', 'Jobs.Create']);
    const b = interner.setOf(['Jobs.Create', 'Jobs.View', 'Jobs.View']);

    expect(a).toBe(b);
    expect(a.names).toEqual(['Jobs.Create', 'Jobs.View']);
  });

  it('given a set, then it holds exactly its catalog permissions by number', () => {
    const catalog = Array.from({ length: 70 }, (_, i) => `Area${i}.View`);
    const interner = new PermissionInterner(catalog);
    const set = interner.setOf(['Area0.View', 'Area33.View', 'Area69.View']);

    const held = catalog.filter((name) => set.has(interner.catalogId(name) ?? -1));

    expect(held).toEqual(['Area0.View', 'Area33.View', 'Area69.View']);
  });

  it('given a name outside the catalog, then it has no catalog number even if a role holds it', () => {
    const interner = new PermissionInterner(['Jobs.View']);
    interner.setOf(['Robots.Start']);

    expect(interner.catalogId('Robots.Start')).toBeUndefined();
    expect(interner.inCatalog('Jobs.View')).toBe(true);
  });

  it('given an empty role, then it holds nothing', () => {
    const interner = new PermissionInterner(['Jobs.View']);

    expect(interner.setOf([]).has(interner.catalogId('Jobs.View') ?? -1)).toBe(false);
  });
});
