import { randomUUID } from 'node:crypto';
import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';
import { SignInGuard } from './user';
import { SignInGuards } from './user-store';

/** One user's current failure series; `failures` is a hint (a lower bound), the slots count. */
interface GuardDocument {
  readonly _id: string;
  readonly series: string;
  readonly failures: number;
  readonly lockedUntil: string | null;
}

/** One counted failure: `_id` = `<userId>:<series>:<number>`, so each number is taken once. */
interface FailureDocument {
  readonly _id: string;
  readonly userId: string;
  readonly series: string;
}

export const SIGN_IN_COLLECTIONS = {
  guards: 'sign_in_guards',
  failures: 'sign_in_failures',
} as const;

const guardSchema = new Schema<GuardDocument>(
  {
    _id: { type: String, required: true },
    series: { type: String, required: true },
    failures: { type: Number, required: true },
    lockedUntil: { type: String, default: null },
  },
  { versionKey: false },
);

const failureSchema = new Schema<FailureDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    series: { type: String, required: true },
  },
  { versionKey: false },
);

function modelOf<T>(connection: Connection, name: string, schema: Schema<T>, collection: string) {
  return (
    (connection.models[name] as Model<T> | undefined) ??
    connection.model<T>(name, schema, collection)
  );
}

/** Far beyond any lockout threshold: only a corrupted collection could get there. */
const MAX_SLOT_PROBES = 10_000;

/**
 * SignInGuards on MongoDB or FerretDB, whose updates are read-then-write: concurrent `$inc`s
 * would lose failures, so each failure inserts the next free number of its series instead, and a
 * burst of N concurrent failures takes N distinct numbers. Caveat: a reset racing with failures
 * (a right password typed while others are wrong) may drop those failures with the old series;
 * that favours a user who just proved the password.
 */
export class MongoSignInGuards implements SignInGuards {
  private readonly guards: Model<GuardDocument>;
  private readonly failures: Model<FailureDocument>;

  constructor(connection: Connection) {
    const { guards, failures } = SIGN_IN_COLLECTIONS;
    this.guards = modelOf(connection, 'token-sign-in-guards', guardSchema, guards);
    this.failures = modelOf(connection, 'token-sign-in-failures', failureSchema, failures);
  }

  async guard(userId: string): Promise<SignInGuard> {
    const guard = await this.guards.findById(userId).lean<GuardDocument>();
    return { lockedUntil: guard?.lockedUntil ?? null, failures: guard?.failures ?? 0 };
  }

  async countFailure(userId: string): Promise<number> {
    const { series, failures } = await this.current(userId);
    for (let number = failures + 1; number <= failures + MAX_SLOT_PROBES; number++) {
      if (!(await this.claim(userId, series, number))) continue;
      await this.guards.updateOne(
        { _id: userId, series, failures: { $lt: number } },
        { $set: { failures: number } },
      );
      return number;
    }
    throw new Error(`no free failure number for user ${userId} in ${MAX_SLOT_PROBES} probes`);
  }

  async reset(userId: string, lockedUntil: string | null): Promise<void> {
    const previous = await this.guards.findById(userId).lean<GuardDocument>();
    await this.guards.updateOne(
      { _id: userId },
      { $set: { series: randomUUID(), failures: 0, lockedUntil } },
      { upsert: true },
    );
    // Only tidies up: an old series is never counted again.
    if (previous) await this.failures.deleteMany({ userId, series: previous.series });
  }

  /** The user's guard, created at the first failure (the insert that wins sets the series). */
  private async current(userId: string): Promise<GuardDocument> {
    const existing = await this.guards.findById(userId).lean<GuardDocument>();
    if (existing) return existing;
    const fresh = { _id: userId, series: randomUUID(), failures: 0, lockedUntil: null };
    try {
      await this.guards.create(fresh);
      return fresh;
    } catch (error) {
      if (!asDuplicateKeyConflict(error)) throw error;
    }
    const winner = await this.guards.findById(userId).lean<GuardDocument>();
    if (!winner) throw new Error(`the sign-in guard of user ${userId} vanished`);
    return winner;
  }

  private async claim(userId: string, series: string, number: number): Promise<boolean> {
    try {
      await this.failures.create({ _id: `${userId}:${series}:${number}`, userId, series });
      return true;
    } catch (error) {
      if (asDuplicateKeyConflict(error)) return false;
      throw error;
    }
  }
}
