/** The checkpoint Keyring (checkpoints/keyring.ts): the signing key and every verifying key. */
export const KEYRING = Symbol('AUDIT_KEYRING');
