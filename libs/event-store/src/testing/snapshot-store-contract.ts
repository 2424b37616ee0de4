import { SnapshotStore } from '../ports';

export interface ContractState {
  readonly name: string;
  readonly tags: readonly string[];
  readonly extra: Record<string, unknown>;
}

/**
 * Fresh, empty snapshot storage for one test; the returned function opens a store on it that
 * folds state of the given schema version (two schema versions share the storage).
 */
export type MakeSnapshotStores = () => Promise<
  (schemaVersion: number) => SnapshotStore<ContractState>
>;

const state = (name: string): ContractState => ({ name, tags: ['a', 'b'], extra: {} });

/** The one behavioural contract of the snapshot port, run against every adapter. */
export function describeSnapshotStoreContract(name: string, make: MakeSnapshotStores): void {
  describe(`snapshot store contract: ${name}`, () => {
    let open: (schemaVersion: number) => SnapshotStore<ContractState>;
    beforeEach(async () => {
      open = await make();
    });

    it('given no snapshot, then load finds none', async () => {
      expect(await open(1).load('app-1')).toBeNull();
    });

    it('given a saved snapshot, then load returns it as saved', async () => {
      const snapshot = { streamId: 'app-1', version: 7, state: state('seven') };
      await open(1).save(snapshot);

      expect(await open(1).load('app-1')).toStrictEqual(snapshot);
      expect(await open(1).load('app-2')).toBeNull();
    });

    it('given a newer snapshot, then it replaces the stored one', async () => {
      await open(1).save({ streamId: 'app-1', version: 5, state: state('five') });
      await open(1).save({ streamId: 'app-1', version: 9, state: state('nine') });

      expect(await open(1).load('app-1')).toEqual({
        streamId: 'app-1',
        version: 9,
        state: state('nine'),
      });
    });

    it('given an older or equal snapshot, then the stored newer one is kept', async () => {
      await open(1).save({ streamId: 'app-1', version: 9, state: state('nine') });
      await open(1).save({ streamId: 'app-1', version: 5, state: state('five') });
      await open(1).save({ streamId: 'app-1', version: 9, state: state('other nine') });

      expect(await open(1).load('app-1')).toEqual({
        streamId: 'app-1',
        version: 9,
        state: state('nine'),
      });
    });

    it('given a snapshot of another schema version, then load ignores it', async () => {
      await open(1).save({ streamId: 'app-1', version: 9, state: state('old shape') });

      expect(await open(2).load('app-1')).toBeNull();
    });

    it('given a snapshot of another schema version, then a save replaces it even if older', async () => {
      await open(1).save({ streamId: 'app-1', version: 9, state: state('old shape') });
      await open(2).save({ streamId: 'app-1', version: 4, state: state('new shape') });

      expect(await open(2).load('app-1')).toEqual({
        streamId: 'app-1',
        version: 4,
        state: state('new shape'),
      });
      expect(await open(1).load('app-1')).toBeNull();
    });

    // MongoDB keeps the newest; FerretDB 1.x may let an older concurrent save win, which costs
    // only a longer tail to fold. Either way the snapshot loaded is one that was saved, intact.
    it('given concurrent saves of one stream, then load returns one of them intact', async () => {
      const versions = [3, 8, 1, 6, 8, 2];
      await Promise.all(
        versions.map((version) =>
          open(1).save({ streamId: 'app-1', version, state: state(`v${version}`) }),
        ),
      );

      const loaded = await open(1).load('app-1');
      expect(versions).toContain(loaded?.version);
      expect(loaded?.state).toEqual(state(`v${loaded?.version}`));
    });
  });
}
