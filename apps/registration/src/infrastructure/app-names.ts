import { randomUUID } from 'node:crypto';
import { Clock } from '@extapps/contracts';
import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';
import { ExternalAppState } from '../external-app/external-app.state';

/** One claimed name: `_id` is the normalized name, so the primary key itself keeps names unique. */
interface AppNameDocument {
  readonly _id: string;
  readonly appId: string;
  /** As the app spells it, for operators reading the collection. */
  readonly name: string;
  readonly claimedAt: Date;
  /** Changes with every claim, so a conditional update or delete hits only the claim it read. */
  readonly token: string;
}

const appNameSchema = new Schema<AppNameDocument>(
  {
    _id: { type: String, required: true },
    appId: { type: String, required: true },
    name: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    token: { type: String, required: true },
  },
  { versionKey: false },
);

export const APP_NAMES_COLLECTION = 'app_names';

/** Names are unique in the organization ignoring surrounding spaces, case and Unicode form. */
export const normalizeAppName = (name: string): string =>
  name.trim().normalize('NFC').toLowerCase();

/** The name an app carries in this state, if it still counts (a deleted app frees its name). */
export const liveNameKey = (state: ExternalAppState): string | null =>
  state.status === 'unregistered' || state.status === 'deleted'
    ? null
    : normalizeAppName(state.name);

export interface NameClaim {
  readonly key: string;
  readonly token: string;
}

export interface AppNamesOptions {
  readonly clock: Clock;
  /**
   * True while the app's current state carries the normalized name. A claim whose owner does not
   * is stale (left by a crash between claim and append, or by a lost race) and may be taken over.
   */
  readonly ownerHasName: (appId: string, key: string) => Promise<boolean>;
  /**
   * How old a claim must be before it can be taken over. A fresh claim may belong to a command
   * still in flight whose event is not stored yet: without the grace, two concurrent
   * registrations of one name would both see the other's claim as stale.
   */
  readonly staleAfterMs: number;
}

const MAX_ATTEMPTS = 5;

/**
 * The organization-wide name index (`app_names`). Names span aggregates, so the decider cannot
 * check them: the command runner claims a name before appending the event that uses it and
 * releases the old one after. No transactions: a crash between the steps leaves a stale claim,
 * which the next claimant takes over once the owner's state shows it does not hold the name.
 */
export class AppNames {
  private readonly model: Model<AppNameDocument>;

  constructor(
    connection: Connection,
    private readonly options: AppNamesOptions,
  ) {
    this.model =
      (connection.models['app-names'] as Model<AppNameDocument> | undefined) ??
      connection.model<AppNameDocument>('app-names', appNameSchema, APP_NAMES_COLLECTION);
  }

  /** The claim, or null when another app holds the name. */
  async claim(name: string, appId: string): Promise<NameClaim | null> {
    const key = normalizeAppName(name);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const claim = { key, token: randomUUID() };
      const document = { appId, name: name.trim(), claimedAt: this.options.clock.now() };
      try {
        await this.model.create({ _id: key, ...document, token: claim.token });
        return claim;
      } catch (error) {
        if (!asDuplicateKeyConflict(error)) throw error;
      }
      const held = await this.model.findById(key).lean<AppNameDocument>();
      if (!held) continue; // released meanwhile: insert again
      if (held.appId !== appId && !(await this.isStale(held))) return null;
      const taken = await this.model.updateOne(
        { _id: key, appId: held.appId, token: held.token },
        { $set: { ...document, appId, token: claim.token } },
      );
      if (taken.matchedCount === 1) return claim;
    }
    return null;
  }

  /** Gives up the app's claim on a name it no longer carries (after a rename or a delete). */
  async release(name: string, appId: string): Promise<void> {
    await this.model.deleteOne({ _id: normalizeAppName(name), appId });
  }

  /** Undoes one claim after its command failed, unless a later claim replaced it. */
  async abandon(claim: NameClaim): Promise<void> {
    await this.model.deleteOne({ _id: claim.key, token: claim.token });
  }

  private async isStale(held: AppNameDocument): Promise<boolean> {
    const age = this.options.clock.now().getTime() - new Date(held.claimedAt).getTime();
    if (age < this.options.staleAfterMs) return false;
    return !(await this.options.ownerHasName(held.appId, held._id));
  }
}
