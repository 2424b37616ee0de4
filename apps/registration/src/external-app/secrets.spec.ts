import { AddSecret } from './commands';
import {
  errorOf,
  given,
  hashOf,
  LATER,
  NOW,
  newSecret,
  registerConfidential,
  registerPublic,
} from './testing/fixtures';

const add = (n: number, expiresAt: Date | null = null): AddSecret => ({
  type: 'AddSecret',
  ...newSecret(n, expiresAt),
});
const revoke = (n: number) => ({ type: 'RevokeSecret', secretId: `sec-${n}` }) as const;
/** The first secret plus three more: four active. */
const fourSecrets = () => given(registerConfidential, add(2), add(3), add(4));

describe('AddSecret', () => {
  it('given a confidential app, when a secret is added, then SecretAdded carries its hash, never a plaintext', () => {
    expect(given(registerConfidential).when(add(2, LATER))).toEqual({
      ok: true,
      events: [
        {
          type: 'SecretAdded',
          data: {
            secretId: 'sec-2',
            hash: hashOf(2),
            hashAlgorithm: 'sha256',
            description: 'secret 2',
            expiresAt: LATER.toISOString(),
          },
        },
      ],
    });
  });

  it('given four active secrets, when a fifth is added, then it is accepted', () => {
    expect(fourSecrets().when(add(5)).ok).toBe(true);
  });

  it('given five active secrets, when a sixth is added, then too-many-secrets', () => {
    expect(
      errorOf(given(registerConfidential, add(2), add(3), add(4), add(5)).when(add(6)))?.code,
    ).toBe('too-many-secrets');
  });

  it('given five secrets of which one is revoked, when another is added, then it is accepted', () => {
    const setup = given(registerConfidential, add(2), add(3), add(4), add(5), revoke(2));
    expect(setup.when(add(6)).ok).toBe(true);
  });

  it('given five secrets of which one has expired by now, when another is added, then it is accepted', () => {
    const expiring = new Date(NOW.getTime() + 60_000);
    const setup = given(registerConfidential, add(2), add(3), add(4), add(5, expiring));
    expect(setup.when(add(6), LATER).ok).toBe(true);
    expect(errorOf(setup.when(add(6), NOW))?.code).toBe('too-many-secrets');
  });

  it.each([
    ['now', NOW],
    ['in the past', new Date(NOW.getTime() - 1)],
  ])('given an app, when the expiry is %s, then secret-expiry-in-past', (_case, expiresAt) => {
    expect(errorOf(given(registerConfidential).when(add(2, expiresAt)))).toMatchObject({
      code: 'secret-expiry-in-past',
      field: 'expiresAt',
    });
  });

  it('given an app, when a secret id is reused, even of a revoked secret, then secret-id-taken', () => {
    expect(errorOf(given(registerConfidential, add(2), revoke(2)).when(add(2)))?.code).toBe(
      'secret-id-taken',
    );
  });

  it('given an app, when the hash looks like a plaintext, then invalid-secret', () => {
    const command = { ...add(2), hash: 'extapps_0123456789abcdefghijklmnopqrstuvwxyzABCDEF' };
    expect(errorOf(given(registerConfidential).when(command))).toMatchObject({
      code: 'invalid-secret',
      field: 'hash',
    });
  });

  it('given a non-confidential app, when a secret is added, then secret-not-allowed', () => {
    expect(errorOf(given(registerPublic).when(add(1)))?.code).toBe('secret-not-allowed');
  });
});

describe('RevokeSecret', () => {
  it('given an active secret, when revoked, then SecretRevoked', () => {
    expect(given(registerConfidential).when(revoke(1))).toEqual({
      ok: true,
      events: [{ type: 'SecretRevoked', data: { secretId: 'sec-1' } }],
    });
  });

  it('given no such secret, when revoked, then secret-not-found', () => {
    expect(errorOf(given(registerConfidential).when(revoke(9)))).toMatchObject({
      code: 'secret-not-found',
      field: 'secretId',
    });
  });

  it('given a revoked secret, when revoked again, then secret-already-revoked', () => {
    expect(errorOf(given(registerConfidential, revoke(1)).when(revoke(1)))?.code).toBe(
      'secret-already-revoked',
    );
  });
});
