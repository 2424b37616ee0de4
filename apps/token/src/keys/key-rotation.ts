import { Clock } from '@extapps/contracts';
import { EncryptionKey } from './encryption-key';
import { wrongKey } from './key-cipher';
import { newSigningKey, openSigningKey, RingKey } from './key-material';
import { dueKey, KeySchedule, retiredGenerations } from './key-schedule';
import { SigningKeyStore, StoredSigningKey } from './signing-key-store';

/** Where a refresh installs the keys it loaded (SigningKeys). */
export interface KeyRingSink {
  install(ring: readonly RingKey[]): void;
}

/** The subset of pino's logger rotation needs. */
export interface RotationLogger {
  info(obj: object, msg: string): void;
}

export interface KeyRotationOptions {
  readonly store: SigningKeyStore;
  readonly encryptionKey: EncryptionKey;
  readonly schedule: KeySchedule;
  readonly clock: Clock;
  readonly ring: KeyRingSink;
  readonly logger?: RotationLogger;
}

/**
 * One refresh of the key ring from the shared store, run at start and then periodically by every
 * instance: create the next key when due (the insert of its generation decides between
 * instances), delete keys no token can still need, decrypt what is new, install the ring.
 * Every decision is a function of the store and the clock, so all instances converge.
 */
export class KeyRotation {
  /** Decrypted keys by generation and kid, so a refresh decrypts only new keys. */
  private opened = new Map<string, RingKey>();

  constructor(private readonly options: KeyRotationOptions) {}

  async refresh(): Promise<void> {
    const now = this.options.clock.now();
    const stored = await this.options.store.list();
    // Before any insert: a misconfigured instance must not add a key the others cannot open.
    this.checkEncryptionKey(stored);
    const current = await this.retire(await this.rotateIfDue(stored, now), now);
    this.options.ring.install(await this.open(current));
  }

  private checkEncryptionKey(stored: readonly StoredSigningKey[]): void {
    const { id } = this.options.encryptionKey;
    const foreign = stored.find((k) => k.privateKey.encryptionKeyId !== id);
    if (foreign) throw wrongKey(foreign.privateKey.encryptionKeyId, id);
  }

  private async rotateIfDue(stored: StoredSigningKey[], now: Date): Promise<StoredSigningKey[]> {
    const { store, schedule, encryptionKey, logger } = this.options;
    const due = dueKey(stored, now, schedule);
    if (!due) return stored;
    const key = await newSigningKey(due, now, encryptionKey);
    if ((await store.insert(key)) === 'inserted') {
      const { generation, kid, activatesAt } = key;
      logger?.info({ generation, kid, activatesAt }, 'signing key created');
    }
    // Whoever won the generation, its key is the one every instance uses.
    const reloaded = await store.list();
    this.checkEncryptionKey(reloaded);
    return reloaded;
  }

  private async retire(stored: StoredSigningKey[], now: Date): Promise<StoredSigningKey[]> {
    const retired = retiredGenerations(stored, now, this.options.schedule);
    if (retired.length === 0) return stored;
    await this.options.store.remove(retired);
    this.options.logger?.info({ generations: retired }, 'signing keys retired');
    return stored.filter((k) => !retired.includes(k.generation));
  }

  private async open(stored: readonly StoredSigningKey[]): Promise<RingKey[]> {
    const ring = await Promise.all(
      stored.map((k) => this.opened.get(idOf(k)) ?? openSigningKey(k, this.options.encryptionKey)),
    );
    this.opened = new Map(ring.map((k) => [idOf(k), k]));
    return ring;
  }
}

const idOf = (key: { generation: number; kid: string }) => `${key.generation}/${key.kid}`;
