import { internScopes } from './scope-interning';

describe('scope list interning', () => {
  const jobs = { resource: 'OrchestratorApi', scope: 'OR.Jobs' };
  const assets = { resource: 'OrchestratorApi', scope: 'OR.Assets.Read' };

  it('given two equal lists from different events, when interned, then both are one shared copy', () => {
    const first = internScopes([{ ...jobs }, { ...assets }]);
    const second = internScopes([{ ...jobs }, { ...assets }]);
    expect(second).toBe(first);
    expect(first).toEqual([jobs, assets]);
  });

  it('given the same scopes in another order, when interned, then the order is kept', () => {
    expect(internScopes([assets, jobs])).toEqual([assets, jobs]);
    expect(internScopes([assets, jobs])).not.toBe(internScopes([jobs, assets]));
  });

  it('given an interned list, when someone tries to change it, then it stays as it was', () => {
    const list = internScopes([jobs]) as { resource: string; scope: string }[];
    expect(() => list.push(assets)).toThrow(TypeError);
    expect(() => {
      list[0].scope = 'OR.Queues';
    }).toThrow(TypeError);
  });
});
