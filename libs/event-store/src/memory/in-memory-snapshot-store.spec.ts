import { describeSnapshotStoreContract } from '../testing';
import { InMemorySnapshotStore, InMemorySnapshotTable } from './in-memory-snapshot-store';

describeSnapshotStoreContract('in-memory', async () => {
  const table: InMemorySnapshotTable = new Map();
  return (schemaVersion) => new InMemorySnapshotStore({ schemaVersion }, table);
});
