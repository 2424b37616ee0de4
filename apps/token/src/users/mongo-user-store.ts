import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';
import { User, UserStatus } from './user';
import { UserPage, UserStore } from './user-store';

/** A user's fields under some `_id`: the user id (head), `<id>:<version>` or the username. */
interface UserDocument extends Omit<User, 'status'> {
  readonly _id: string;
  readonly status: string;
}

const userDefinition = {
  _id: { type: String, required: true },
  userId: { type: String, required: true },
  username: { type: String, required: true },
  displayName: { type: String, required: true },
  // Empty once the user is deleted.
  passwordHash: { type: String, default: '' },
  status: { type: String, required: true },
  version: { type: Number, required: true },
  createdAt: { type: String, required: true },
  updatedAt: { type: String, required: true },
};

export const USER_COLLECTIONS = {
  /** The current version of each user, by user id: a cache of the newest revision. */
  users: 'users',
  /** Every version of each user, `_id` = `<userId>:<version>`: the insert that wins owns it. */
  revisions: 'user_revisions',
  /** `_id` = username, with the user as created: the insert that wins owns the name, for ever. */
  usernames: 'usernames',
} as const;

function modelOf(connection: Connection, collection: string): Model<UserDocument> {
  const name = `token-${collection}`;
  return (
    (connection.models[name] as Model<UserDocument> | undefined) ??
    connection.model<UserDocument>(
      name,
      new Schema<UserDocument>(userDefinition, { versionKey: false, strict: 'throw' }),
      collection,
    )
  );
}

const toUser = ({ _id, ...user }: UserDocument): User => ({
  ...user,
  status: user.status as UserStatus,
});
const revisionId = (userId: string, version: number) => `${userId}:${version}`;

/** Steps that each return quickly; the bound only stops a corrupted chain from looping. */
const MAX_ROLL_FORWARD = 100;

/**
 * The UserStore on MongoDB or FerretDB without transactions: a change inserts its revision
 * (unique `_id`, so one writer per version) and then updates the head. A crash between the two
 * leaves the head one version behind; every read rolls it forward from the revisions first.
 */
export class MongoUserStore implements UserStore {
  private readonly heads: Model<UserDocument>;
  private readonly revisions: Model<UserDocument>;
  private readonly usernames: Model<UserDocument>;

  constructor(connection: Connection) {
    this.heads = modelOf(connection, USER_COLLECTIONS.users);
    this.revisions = modelOf(connection, USER_COLLECTIONS.revisions);
    this.usernames = modelOf(connection, USER_COLLECTIONS.usernames);
  }

  async create(user: User): Promise<'created' | 'username-taken'> {
    if (!(await inserted(this.usernames, user.username, user))) return 'username-taken';
    await this.completeCreation(user);
    return 'created';
  }

  async get(userId: string): Promise<User | null> {
    const head = await this.heads.findById(userId).lean<UserDocument>();
    return head ? this.rollForward(toUser(head)) : null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const claim = await this.usernames.findById(username).lean<UserDocument>();
    if (!claim) return null;
    const user = await this.get(claim.userId);
    if (user) return user;
    // The creator stopped between claiming the name and storing the user: finish its work.
    await this.completeCreation(toUser(claim));
    return this.get(claim.userId);
  }

  async save(user: User): Promise<'saved' | 'conflict'> {
    // Each version follows one that exists: no gaps in the user's event stream.
    const base = revisionId(user.userId, user.version - 1);
    if (user.version < 2 || !(await this.revisions.exists({ _id: base }))) return 'conflict';
    const id = revisionId(user.userId, user.version);
    if (!(await inserted(this.revisions, id, user))) return 'conflict';
    await this.advanceHead(user);
    return 'saved';
  }

  async list(page: UserPage): Promise<User[]> {
    const filter = page.after === null ? {} : { _id: { $gt: page.after } };
    const heads = await this.heads
      .find(filter)
      .sort({ _id: 1 })
      .limit(page.limit)
      .lean<UserDocument[]>();
    return Promise.all(heads.map((head) => this.rollForward(toUser(head))));
  }

  /** Idempotent: a reader may finish a creation its creator is still making. */
  private async completeCreation(user: User): Promise<void> {
    await inserted(this.revisions, revisionId(user.userId, 1), user);
    await inserted(this.heads, user.userId, user);
  }

  private async rollForward(head: User): Promise<User> {
    let user = head;
    for (let step = 0; step < MAX_ROLL_FORWARD; step++) {
      const next = await this.revisions
        .findById(revisionId(user.userId, user.version + 1))
        .lean<UserDocument>();
      if (!next) break;
      user = toUser(next);
    }
    if (user !== head) await this.advanceHead(user);
    return user;
  }

  /** Never moves the head back: a reader may have rolled it past this version already. */
  private async advanceHead(user: User): Promise<void> {
    await this.heads.replaceOne(
      { _id: user.userId, version: { $lt: user.version } },
      { _id: user.userId, ...user },
    );
  }
}

/** Inserts `user` under `_id`; false when that `_id` exists. */
async function inserted(model: Model<UserDocument>, _id: string, user: User): Promise<boolean> {
  try {
    await model.create({ _id, ...user });
    return true;
  } catch (error) {
    if (asDuplicateKeyConflict(error)) return false;
    throw error;
  }
}
