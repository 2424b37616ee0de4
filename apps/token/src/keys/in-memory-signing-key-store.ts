import { InsertOutcome, SigningKeyStore, StoredSigningKey } from './signing-key-store';

/** For unit tests and `SigningKeys.generate()`: one process, nothing persisted. */
export class InMemorySigningKeyStore implements SigningKeyStore {
  private readonly keys = new Map<number, StoredSigningKey>();

  async list(): Promise<StoredSigningKey[]> {
    return [...this.keys.values()].sort((a, b) => a.generation - b.generation).map(copy);
  }

  async insert(key: StoredSigningKey): Promise<InsertOutcome> {
    if (this.keys.has(key.generation)) return 'taken';
    this.keys.set(key.generation, copy(key));
    return 'inserted';
  }

  async remove(generations: readonly number[]): Promise<void> {
    for (const generation of generations) this.keys.delete(generation);
  }
}

/** Stored keys are values: no caller can change one through a reference it kept. */
function copy(key: StoredSigningKey): StoredSigningKey {
  return {
    ...key,
    publicJwk: { ...key.publicJwk },
    privateKey: { ...key.privateKey },
    createdAt: new Date(key.createdAt),
    activatesAt: new Date(key.activatesAt),
  };
}
