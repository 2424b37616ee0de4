import { ManualClock } from '@extapps/testing';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { EncryptionKey } from './encryption-key';
import { InMemorySigningKeyStore } from './in-memory-signing-key-store';
import { SigningKeyDecryptionError } from './key-cipher';
import { KeyRotation } from './key-rotation';
import { keySchedule, PUBLISH_AHEAD_MS } from './key-schedule';
import { SigningKeyStore } from './signing-key-store';
import { JsonWebKeySet, SigningKeys } from './signing-keys';

const HOUR = 3_600_000;
const ROTATION_HOURS = 720;
const R = ROTATION_HOURS * HOUR;
const schedule = keySchedule(ROTATION_HOURS);
const T0 = '2026-03-01T00:00:00.000Z';

function instance(store: SigningKeyStore, clock: ManualClock, key: EncryptionKey) {
  const keys = new SigningKeys(clock, schedule);
  const rotation = new KeyRotation({ store, encryptionKey: key, schedule, clock, ring: keys });
  return { keys, rotation };
}

const kids = (jwks: JsonWebKeySet) => jwks.keys.map((k) => k.kid);
const kidOf = (token: string) => decodeProtectedHeader(token).kid;

async function verifies(token: string, jwks: JsonWebKeySet, at: Date): Promise<boolean> {
  const keySet = createLocalJWKSet({ keys: [...jwks.keys] });
  return jwtVerify(token, keySet, { currentDate: at, typ: 'at+jwt' }).then(
    () => true,
    () => false,
  );
}

describe('KeyRotation', () => {
  let clock: ManualClock;
  let store: InMemorySigningKeyStore;
  const encryptionKey = EncryptionKey.random();
  let a: ReturnType<typeof instance>;
  beforeEach(() => {
    clock = new ManualClock(T0);
    store = new InMemorySigningKeyStore();
    a = instance(store, clock, encryptionKey);
  });
  const at = (offsetMs: number) => clock.set(new Date(Date.parse(T0) + offsetMs));
  const signed = (keys: SigningKeys) => {
    const iat = Math.floor(clock.now().getTime() / 1000);
    return keys.sign({ sub: 'app-1', iat, exp: iat + 86_400 });
  };

  it('given an empty store, when refreshed, then generation 1 is created and signs at once', async () => {
    await a.rotation.refresh();

    const [key] = await store.list();
    expect(key).toMatchObject({ generation: 1, activatesAt: clock.now() });
    expect(kids(a.keys.jwks)).toEqual([key.kid]);
    expect(kidOf(await signed(a.keys))).toBe(key.kid);
  });

  it('given a key, when refreshed before its rotation is due, then no key is created', async () => {
    await a.rotation.refresh();
    at(R - PUBLISH_AHEAD_MS - 1);

    await a.rotation.refresh();

    expect(await store.list()).toHaveLength(1);
  });

  it('given a rotation due, then the next key is published a publish-ahead interval before it signs', async () => {
    await a.rotation.refresh();
    const [first] = await store.list();
    at(R - PUBLISH_AHEAD_MS);

    await a.rotation.refresh();

    const [, second] = await store.list();
    expect(second).toMatchObject({ generation: 2, activatesAt: new Date(Date.parse(T0) + R) });
    expect(kids(a.keys.jwks)).toEqual([second.kid, first.kid]);
    at(R - 1);
    expect(kidOf(await signed(a.keys))).toBe(first.kid);
    at(R);
    expect(kidOf(await signed(a.keys))).toBe(second.kid);
  });

  it('keeps the old key published until every token it signed has expired, then drops it', async () => {
    await a.rotation.refresh();
    at(R - PUBLISH_AHEAD_MS);
    await a.rotation.refresh();
    at(R - 1);
    const lastOfOld = await signed(a.keys);
    const [first, second] = await store.list();

    at(R + 86_400_000);
    expect(kids(a.keys.jwks)).toEqual([second.kid, first.kid]);
    expect(await verifies(lastOfOld, a.keys.jwks, new Date(Date.parse(T0) + R - 1))).toBe(true);

    at(R + schedule.retentionMs);
    expect(kids(a.keys.jwks)).toEqual([second.kid]);
    expect(await store.list()).toHaveLength(2);
    await a.rotation.refresh();
    expect((await store.list()).map((k) => k.generation)).toEqual([2]);
  });

  it('given a rotation overdue after an outage, then the new key still gets its publish-ahead interval', async () => {
    await a.rotation.refresh();
    const [first] = await store.list();
    at(3 * R);

    await a.rotation.refresh();

    const [, second] = await store.list();
    expect(second.activatesAt).toEqual(new Date(clock.now().getTime() + PUBLISH_AHEAD_MS));
    expect(kidOf(await signed(a.keys))).toBe(first.kid);
  });

  it('given two instances rotating at once, then one key wins and both publish and sign the same', async () => {
    const b = instance(store, clock, encryptionKey);
    await Promise.all([a.rotation.refresh(), b.rotation.refresh()]);
    at(R - PUBLISH_AHEAD_MS);

    await Promise.all([a.rotation.refresh(), b.rotation.refresh()]);

    expect((await store.list()).map((k) => k.generation)).toEqual([1, 2]);
    expect(a.keys.jwks).toEqual(b.keys.jwks);
    at(R);
    expect(kidOf(await signed(a.keys))).toBe(kidOf(await signed(b.keys)));
  });

  it('given keys created by another instance, then a new instance loads and signs with them', async () => {
    await a.rotation.refresh();
    const token = await signed(a.keys);
    const restarted = instance(store, clock, encryptionKey);

    await restarted.rotation.refresh();

    expect(restarted.keys.jwks).toEqual(a.keys.jwks);
    expect(await verifies(token, restarted.keys.jwks, clock.now())).toBe(true);
    expect(kidOf(await signed(restarted.keys))).toBe(kidOf(token));
  });

  it('given another encryption key, then refresh fails naming the setting and creates no key', async () => {
    await a.rotation.refresh();
    at(R);
    const other = EncryptionKey.random();

    const refresh = instance(store, clock, other).rotation.refresh();

    await expect(refresh).rejects.toThrow(SigningKeyDecryptionError);
    await expect(refresh).rejects.toThrow(
      `SIGNING_KEY_ENCRYPTION_KEY is not the key that encrypted the stored signing keys: they were encrypted with key id ${encryptionKey.id}, the configured key has id ${other.id}`,
    );
    expect(await store.list()).toHaveLength(1);
  });

  it('given an altered ciphertext, then refresh fails as corrupt instead of loading garbage', async () => {
    await a.rotation.refresh();
    const [key] = await store.list();
    const tampered = new InMemorySigningKeyStore();
    const flipped = key.privateKey.ciphertext.startsWith('A') ? 'B' : 'A';
    const ciphertext = flipped + key.privateKey.ciphertext.slice(1);
    await tampered.insert({ ...key, privateKey: { ...key.privateKey, ciphertext } });

    await expect(instance(tampered, clock, encryptionKey).rotation.refresh()).rejects.toThrow(
      'the document was altered or is corrupt',
    );
  });
});
