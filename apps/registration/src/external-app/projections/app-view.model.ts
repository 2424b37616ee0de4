import { Connection, Model, Schema } from 'mongoose';
import { AppView } from './app-view';

export const APP_VIEWS_COLLECTION = 'app_views';

/** The stored form of an AppView: the id is the document's `_id`. */
export type AppViewDocument = Omit<AppView, 'id'> & { readonly _id: string };

// `type` is mongoose's type key, hence the spelled-out `{ type: String }`; `id: false` stops
// mongoose's `id` virtual from shadowing the real `id` paths.
const actorSchema = new Schema(
  { type: { type: String }, id: String, displayName: String },
  { _id: false, id: false },
);
const scopeSchema = new Schema({ resource: String, scope: String }, { _id: false });
const secretSchema = new Schema(
  {
    id: String,
    description: String,
    createdAt: Date,
    expiresAt: Date,
    revokedAt: Date,
    expiryWarnedAt: Date,
  },
  { _id: false, id: false },
);

const appViewSchema = new Schema<AppViewDocument>(
  {
    _id: { type: String, required: true },
    name: String,
    type: { type: String },
    status: String,
    redirectUris: [String],
    userScopes: [scopeSchema],
    applicationScopes: [scopeSchema],
    secrets: [secretSchema],
    jwks: Schema.Types.Mixed,
    accessTokenLifetimeSeconds: Number,
    version: Number,
    createdAt: Date,
    createdBy: actorSchema,
    updatedAt: Date,
    updatedBy: actorSchema,
    lastPosition: Number,
  },
  { versionKey: false, minimize: false, id: false, collection: APP_VIEWS_COLLECTION },
);
// The list pages by (createdAt, _id), optionally per status; the expiry check looks by expiry.
appViewSchema.index({ createdAt: 1, _id: 1 }, { name: 'created' });
appViewSchema.index({ status: 1, createdAt: 1, _id: 1 }, { name: 'status_created' });
appViewSchema.index({ 'secrets.expiresAt': 1 }, { name: 'secret_expiry' });

export type AppViewModel = Model<AppViewDocument>;

/** Registered once per connection: mongoose refuses a second model of the same name. */
export function appViewModel(connection: Connection): AppViewModel {
  const name = 'AppView';
  return (
    (connection.models[name] as AppViewModel | undefined) ??
    connection.model<AppViewDocument>(name, appViewSchema, APP_VIEWS_COLLECTION)
  );
}

export function toDocument(view: AppView): AppViewDocument {
  const { id, ...rest } = view;
  return { _id: id, ...rest };
}

/** Views stored before `jwks` and the lifetime existed lack them: absent means null. */
export function fromDocument(document: AppViewDocument): AppView {
  const { _id, jwks, accessTokenLifetimeSeconds, ...rest } = document;
  return {
    id: _id,
    ...rest,
    jwks: jwks ?? null,
    accessTokenLifetimeSeconds: accessTokenLifetimeSeconds ?? null,
  };
}
