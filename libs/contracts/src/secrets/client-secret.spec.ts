import { SECRET_HASH } from '../registration/registration-values';
import {
  CLIENT_SECRET_PATTERN,
  clientSecretMatches,
  generateClientSecret,
  hashClientSecret,
  isWellFormedClientSecret,
} from './client-secret';

describe('client secrets', () => {
  it('given a new secret, then it has the prefix, 60 characters and a valid checksum', () => {
    const { secret } = generateClientSecret();

    expect(secret).toMatch(CLIENT_SECRET_PATTERN);
    expect(secret).toHaveLength(60);
    expect(isWellFormedClientSecret(secret)).toBe(true);
  });

  it('given a new secret, then its hash is the stored sha256 form the contracts accept', () => {
    const { secret, hash } = generateClientSecret();

    expect(hash).toMatch(SECRET_HASH);
    expect(hash).toBe(hashClientSecret(secret));
    expect(hash).not.toContain(secret);
  });

  it('given the same random bytes, then the same secret; given others, then another', () => {
    const zeros = () => Buffer.alloc(32);
    const ones = () => Buffer.alloc(32, 0xff);

    expect(generateClientSecret(zeros).secret).toBe(generateClientSecret(zeros).secret);
    expect(generateClientSecret(ones).secret).not.toBe(generateClientSecret(zeros).secret);
  });

  it('given the largest 256-bit value, then the body still fits its 43 characters', () => {
    const { secret } = generateClientSecret(() => Buffer.alloc(32, 0xff));

    expect(isWellFormedClientSecret(secret)).toBe(true);
  });

  it('given a secret with one character changed, then the checksum refuses it', () => {
    const { secret } = generateClientSecret();
    const i = 20;
    const changed = secret.slice(0, i) + (secret[i] === 'a' ? 'b' : 'a') + secret.slice(i + 1);

    expect(isWellFormedClientSecret(changed)).toBe(false);
  });

  it.each(['', 'extapps_cs_short', 'other_cs_' + 'a'.repeat(51), 'extapps_cs_' + '-'.repeat(49)])(
    'refuses the malformed secret %p',
    (candidate) => {
      expect(isWellFormedClientSecret(candidate)).toBe(false);
    },
  );

  it('given the secret and its stored hash, then it matches; any other secret does not', () => {
    const { secret, hash } = generateClientSecret();

    expect(clientSecretMatches(secret, hash)).toBe(true);
    expect(clientSecretMatches(generateClientSecret().secret, hash)).toBe(false);
    expect(clientSecretMatches(secret, 'sha256:short')).toBe(false);
  });

  it('given many secrets, then none repeats', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateClientSecret().secret));

    expect(secrets.size).toBe(1000);
  });
});
