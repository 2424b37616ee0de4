import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^log2N, block size r, parallelism p (RFC 7914). */
export interface ScryptParams {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * 32 MiB and some 50-100 ms per hash. OWASP suggests N=2^17 (128 MiB); each sign-in in flight
 * holds that much memory, and libuv runs four at once, so the default stays lower and
 * PASSWORD_SCRYPT_LOG2N raises it where memory allows.
 */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = '$scrypt$';
const ENCODED =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

/**
 * NIST SP 800-63B §5.1.1.2: passwords are compared after Unicode normalization, so the same
 * password typed on two keyboards matches.
 */
const normalized = (password: string) => Buffer.from(password.normalize('NFKC'), 'utf8');

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(normalized(password), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Password hashes as PHC-style strings `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64url): the
 * parameters travel with each hash, so raising them later affects new hashes and old ones still
 * verify. scrypt runs on libuv's thread pool, never on the event loop.
 */
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  constructor(private readonly params: ScryptParams = DEFAULT_SCRYPT) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, this.params);
    const { log2N, r, p } = this.params;
    return `${PREFIX}ln=${log2N},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** False for a wrong password and for a hash this hasher cannot read. */
  async verify(password: string, encoded: string): Promise<boolean> {
    const match = ENCODED.exec(encoded);
    if (!match) return false;
    const [, log2N, r, p, salt, expected] = match;
    const params = { log2N: Number(log2N), r: Number(r), p: Number(p) };
    const wanted = Buffer.from(expected, 'base64url');
    const key = await derive(password, Buffer.from(salt, 'base64url'), params);
    return key.length === wanted.length && timingSafeEqual(key, wanted);
  }

  /**
   * Spends the time of a real verification against a hash no password matches, so an unknown,
   * disabled or locked-out user answers as slowly as a wrong password.
   */
  async verifyDummy(password: string): Promise<void> {
    this.dummy ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(password, await this.dummy);
  }
}
