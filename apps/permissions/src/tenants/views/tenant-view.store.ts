import { Connection, Model, Schema } from 'mongoose';
import { TenantState } from '../tenant.state';

/** One live tenant as the list shows it. */
interface TenantViewDocument {
  /** The tenant id: UUIDv7, so `_id` order is creation order. */
  readonly _id: string;
  readonly name: string;
  readonly folderCount: number;
  readonly version: number;
}

const tenantViewSchema = new Schema<TenantViewDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    folderCount: { type: Number, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false },
);

export const TENANT_VIEWS_COLLECTION = 'tenant_views';

export interface TenantListItem {
  readonly tenantId: string;
  readonly name: string;
  readonly folderCount: number;
  readonly version: number;
}

/** The tenant list (GET /v1/tenants): a view of every live tenant, kept by TenantViewWorker. */
export class TenantViewStore {
  private readonly model: Model<TenantViewDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models['tenant-views'] as Model<TenantViewDocument> | undefined) ??
      connection.model<TenantViewDocument>(
        'tenant-views',
        tenantViewSchema,
        TENANT_VIEWS_COLLECTION,
      );
  }

  /** Writes the tenant as the state at `version` shows it; a deleted tenant leaves the list. */
  async put(tenantId: string, state: TenantState, version: number): Promise<void> {
    if (state.status !== 'active') {
      await this.model.deleteOne({ _id: tenantId });
      return;
    }
    const document = { name: state.name, folderCount: state.folders.size, version };
    await this.model.replaceOne({ _id: tenantId }, document, { upsert: true });
  }

  /** Oldest first; `after` is the last tenant id of the previous page. */
  async page(limit: number, after?: string): Promise<TenantListItem[]> {
    const documents = await this.model
      .find(after === undefined ? {} : { _id: { $gt: after } })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<TenantViewDocument[]>();
    return documents.map(({ _id, ...rest }) => ({ tenantId: _id, ...rest }));
  }
}
