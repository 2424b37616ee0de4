import { intSetting, Parsed, setting } from '@extapps/platform';
import { z } from 'zod';
import {
  parsePublicKeySet,
  parseSigningKey,
  SigningKey,
  VerificationKey,
} from '../checkpoints/signing-key';

const KEY_HINT =
  'an Ed25519 (or P-256) private key as PKCS#8 PEM or private JWK, e.g. from `openssl genpkey -algorithm ed25519`';

/** Like `setting` without a default, but saying what to provide when it is missing. */
function requiredSetting<T>(parse: (raw: string) => Parsed<T>, hint: string): z.ZodType<T> {
  return z
    .string()
    .optional()
    .transform((input, ctx): T => {
      const raw = input?.trim();
      const parsed: Parsed<T> = raw ? parse(raw) : { ok: false, reason: `required: ${hint}` };
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    });
}

/** The hash chain, its checkpoints and retention: one spread into the service's config schema. */
export const tamperEvidenceSettings = {
  /** Signs checkpoints; its public key is published at GET /v1/audit/keys. Never logged. */
  AUDIT_SIGNING_KEY: requiredSetting(parseSigningKey, KEY_HINT),
  /** Public keys (a JWKS) of earlier signing keys, so their checkpoints still verify. */
  AUDIT_RETIRED_PUBLIC_KEYS: setting<VerificationKey[]>(parsePublicKeySet, []),
  /** How often the chainer looks at pending records when ingestion does not wake it. */
  AUDIT_CHAIN_POLL_INTERVAL_MS: intSetting(10, 10_000, 150),
  /**
   * Pending records the chainer takes per pass. Large, because on FerretDB removing them from
   * pending scans the collection once per pass: under a backlog, bigger passes cost less per record.
   */
  AUDIT_CHAIN_BATCH_SIZE: intSetting(1, 10_000, 1_000),
  /** A checkpoint is signed at least every this many records... */
  AUDIT_CHECKPOINT_EVERY_RECORDS: intSetting(1, 10_000_000, 1_000),
  /** ...and this long after the last one when records were chained since. */
  AUDIT_CHECKPOINT_EVERY_MS: intSetting(1_000, 86_400_000, 60_000),
  /** Records older than this many days are removed at checkpoint boundaries; 0 keeps them all. */
  AUDIT_RETENTION_DAYS: intSetting(0, 36_500, 0),
  /** How often the retention job runs (on one instance at a time). */
  AUDIT_RETENTION_INTERVAL_MS: intSetting(1_000, 604_800_000, 3_600_000),
};

export interface TamperEvidenceSettings {
  readonly AUDIT_SIGNING_KEY: SigningKey;
  readonly AUDIT_RETIRED_PUBLIC_KEYS: readonly VerificationKey[];
  readonly AUDIT_CHAIN_POLL_INTERVAL_MS: number;
  readonly AUDIT_CHAIN_BATCH_SIZE: number;
  readonly AUDIT_CHECKPOINT_EVERY_RECORDS: number;
  readonly AUDIT_CHECKPOINT_EVERY_MS: number;
  readonly AUDIT_RETENTION_DAYS: number;
  readonly AUDIT_RETENTION_INTERVAL_MS: number;
}
