import { generateClientSecret, newEventId } from '@extapps/contracts';
import { z } from 'zod';
import { NewSecret } from '../commands';

/** A fresh secret: the plaintext for the one response that shows it, the rest for the command. */
export interface SecretMaterial {
  readonly plaintext: string;
  readonly secret: NewSecret;
}

export function newSecretMaterial(description: string, expiresAt: string | null): SecretMaterial {
  const { secret: plaintext, hash } = generateClientSecret();
  return {
    plaintext,
    secret: {
      secretId: newEventId(),
      hash,
      hashAlgorithm: 'sha256',
      description,
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
    },
  };
}

/** A secret as shown next to its plaintext, once, in the response that created it. */
export const createdSecretSchema = z.object({
  secretId: z.string(),
  description: z.string(),
  expiresAt: z.iso.datetime().nullable(),
});

/** How a created secret is shown next to its plaintext. */
export const createdSecret = ({ secret }: SecretMaterial) => ({
  secretId: secret.secretId,
  description: secret.description.trim(),
  expiresAt: secret.expiresAt?.toISOString() ?? null,
});
