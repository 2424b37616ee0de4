import { EncryptionKey } from '../encryption-key';
import { newSigningKey } from '../key-material';
import { SigningKeyStore, StoredSigningKey } from '../signing-key-store';

const encryptionKey = EncryptionKey.random();
const T0 = new Date('2026-03-01T00:00:00.000Z');

/** A real key of `generation` (every call a new pair, so two of one generation differ). */
export function storedKey(generation: number): Promise<StoredSigningKey> {
  const activatesAt = new Date(T0.getTime() + generation * 3_600_000);
  return newSigningKey({ generation, activatesAt }, T0, encryptionKey);
}

/** The one behavioural contract of the signing key store, run against every adapter. */
export function describeSigningKeyStoreContract(
  name: string,
  make: () => Promise<SigningKeyStore>,
): void {
  describe(`signing key store contract: ${name}`, () => {
    let store: SigningKeyStore;
    beforeEach(async () => {
      store = await make();
    });

    it('given no key, then list is empty', async () => {
      expect(await store.list()).toEqual([]);
    });

    it('given an inserted key, then list returns it as inserted', async () => {
      const key = await storedKey(1);

      expect(await store.insert(key)).toBe('inserted');

      expect(await store.list()).toStrictEqual([key]);
    });

    it('given keys inserted out of order, then list returns them by generation', async () => {
      const [one, two, three] = await Promise.all([1, 2, 3].map(storedKey));
      for (const key of [two, three, one]) await store.insert(key);

      expect((await store.list()).map((k) => k.generation)).toEqual([1, 2, 3]);
    });

    it('given a generation that exists, then insert is taken and the stored key stays', async () => {
      const [first, second] = await Promise.all([storedKey(1), storedKey(1)]);
      await store.insert(first);

      expect(await store.insert(second)).toBe('taken');

      expect(await store.list()).toStrictEqual([first]);
    });

    it('given concurrent inserts of one generation, then exactly one wins and is the one stored', async () => {
      const candidates = await Promise.all([1, 1, 1, 1].map(storedKey));

      const outcomes = await Promise.all(candidates.map((k) => store.insert(k)));

      expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
      const winner = candidates[outcomes.indexOf('inserted')];
      expect(await store.list()).toStrictEqual([winner]);
    });

    it('given keys, then remove deletes the named generations only, ignoring absent ones', async () => {
      for (const key of await Promise.all([1, 2, 3].map(storedKey))) await store.insert(key);

      await store.remove([1, 3, 7]);
      await store.remove([]);

      expect((await store.list()).map((k) => k.generation)).toEqual([2]);
    });
  });
}
