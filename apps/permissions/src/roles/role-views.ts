import { PermissionsEvent } from '@extapps/contracts';
import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';

/** A custom role as GET /v1/roles lists it: the latest version of its stream. */
export interface RoleViewDocument {
  readonly _id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly deleted: boolean;
  /** The role stream's version this view reflects. */
  readonly version: number;
}

const roleViewSchema = new Schema<RoleViewDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    permissions: { type: [String], required: true },
    deleted: { type: Boolean, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false },
);

export const ROLE_VIEWS_COLLECTION = 'role_views';

type RoleEvent = Extract<PermissionsEvent, { type: 'RoleCreated' | 'RoleChanged' | 'RoleDeleted' }>;

const isRoleEvent = (event: PermissionsEvent): event is RoleEvent =>
  event.type === 'RoleCreated' || event.type === 'RoleChanged' || event.type === 'RoleDeleted';

/**
 * The list of a tenant's custom roles, a projection of the role events: every role event carries
 * the role's whole view (`after`, or `before` for a deletion), so applying the newest one is
 * enough and applying an older or repeated one changes nothing. Fed by the command handlers
 * (read-your-writes) and by the permissions topic (every instance's writes; repairs a view whose
 * write failed after its append). Rebuildable by replaying the role events.
 *
 * Caveat: FerretDB's conditional updates are read-then-write, so two writers applying different
 * versions of one role at the same instant may leave the older; the role's next event, or the
 * same event arriving from Kafka, repairs it.
 */
export class RoleViews {
  private readonly model: Model<RoleViewDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models[ROLE_VIEWS_COLLECTION] as Model<RoleViewDocument> | undefined) ??
      connection.model<RoleViewDocument>(
        ROLE_VIEWS_COLLECTION,
        roleViewSchema,
        ROLE_VIEWS_COLLECTION,
      );
  }

  async project(events: readonly PermissionsEvent[]): Promise<void> {
    for (const event of events) if (isRoleEvent(event)) await this.apply(event);
  }

  /** The tenant's live custom roles, by name. */
  async ofTenant(tenantId: string): Promise<RoleViewDocument[]> {
    const views = await this.model.find({ tenantId, deleted: false }).lean<RoleViewDocument[]>();
    return views.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** True once the role's deletion reached the views (a lookup by `_id`: fast on FerretDB too). */
  async isDeleted(roleId: string): Promise<boolean> {
    const view = await this.model
      .findById(roleId, { deleted: 1 })
      .lean<Pick<RoleViewDocument, 'deleted'>>();
    return view?.deleted === true;
  }

  private async apply(event: RoleEvent): Promise<void> {
    const { roleId, tenantId } = event.data;
    const view = event.type === 'RoleDeleted' ? event.data.before : event.data.after;
    const set = {
      tenantId,
      name: view.name,
      permissions: view.permissions,
      deleted: event.type === 'RoleDeleted',
      version: event.streamVersion,
    };
    try {
      await this.model.updateOne(
        { _id: roleId, version: { $lt: event.streamVersion } },
        { $set: set },
        { upsert: true },
      );
    } catch (error) {
      // The view is at this version or newer already: the upsert's insert hit the existing _id.
      if (!asDuplicateKeyConflict(error)) throw error;
    }
  }
}
