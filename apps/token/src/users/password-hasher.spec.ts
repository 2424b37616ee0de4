import { PasswordHasher } from './password-hasher';

const cheap = { log2N: 10, r: 8, p: 1 };

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(cheap);

  it('given a hash, when the same password is verified, then it matches', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', hash)).toBe(true);
  });

  it('given a hash, when another password is verified, then it does not match', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse batterz', hash)).toBe(false);
  });

  it('stores the parameters and a random salt with each hash, never the password', async () => {
    const first = await hasher.hash('correct horse battery');
    const second = await hasher.hash('correct horse battery');
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('horse');
  });

  it('given a hash made with other parameters, when verified by a stronger hasher, then it still matches', async () => {
    const old = await new PasswordHasher({ log2N: 11, r: 8, p: 1 }).hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', old)).toBe(true);
  });

  it('compares passwords after Unicode normalization', async () => {
    const composed = 'caf\u00e9 au lait please';
    const decomposed = 'cafe\u0301 au lait please';
    expect(await hasher.verify(decomposed, await hasher.hash(composed))).toBe(true);
  });

  it.each([
    ['an empty hash (a deleted user)', ''],
    ['another scheme', '$2b$10$abcdefghijklmnopqrstuv'],
    ['a truncated hash', '$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA'],
  ])('refuses %s without throwing', async (_case, hash) => {
    expect(await hasher.verify('correct horse battery', hash)).toBe(false);
  });

  it('runs a dummy verification that matches nothing', async () => {
    await expect(hasher.verifyDummy('correct horse battery')).resolves.toBeUndefined();
  });
});
