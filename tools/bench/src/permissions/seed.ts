import {
  Actor,
  createEnvelope,
  EventEnvelope,
  ExternalAppRegistered,
  FolderCreated,
  newEventId,
  RoleAssigned,
  RoleCreated,
  TenantCreated,
} from '@extapps/contracts';
import { BUILT_IN_ROLES, CATALOG } from './catalog';
import { Random } from './random';
import { CheckBody, makeQueries, Placed, Tenant } from './seed-queries';

const ACTOR: Actor = { type: 'user', id: 'bench-admin', displayName: 'Bench admin' };
const SCOPES = [{ resource: 'OrchestratorApi', scope: 'OR.Jobs' }];
const HASH = `sha256:${'b'.repeat(43)}`;

export interface SeedShape {
  readonly tenants: number;
  readonly folders: number;
  readonly fanout: number;
  readonly customRolesPerTenant: number;
  readonly apps: number;
  readonly assignments: number;
  readonly queries: number;
}

export interface Seed {
  /** Tenants with their folders, custom roles, assignments: extapps.permissions.events.v1. */
  readonly permissions: readonly EventEnvelope[];
  /** One ExternalAppRegistered per app: extapps.registration.events.v1. */
  readonly registration: readonly EventEnvelope[];
  /** The first half aimed at an assignment's grant, the rest at random. */
  readonly queries: readonly CheckBody[];
  readonly maxDepth: number;
}

type Stream = ReturnType<typeof streams>;

/** The benchmark's world, the same for the same shape (ids aside: fresh UUIDv7s). */
export function buildSeed(shape: SeedShape, random = new Random(1)): Seed {
  const permissions: EventEnvelope[] = [];
  const stream = streams();
  const emit = (event: EventEnvelope) => void permissions.push(event);
  const tenants = Array.from({ length: shape.tenants }, (_, t) =>
    makeTenant(shape, t, random, stream, emit),
  );
  const apps = Array.from({ length: shape.apps }, () => newEventId());
  const registration = apps.map((appId, i) =>
    stream(appId, ExternalAppRegistered, registered(appId, i)),
  );
  const placed = Array.from({ length: shape.assignments }, () =>
    assign(random, tenants, apps, stream, emit),
  );
  const queries = makeQueries(shape, random, placed, tenants, apps);
  const maxDepth = Math.max(0, ...tenants.map((t) => t.depth));
  return { permissions, registration, queries, maxDepth };
}

/** Tenant `t`: its share of the folders and its custom roles. */
function makeTenant(
  shape: SeedShape,
  t: number,
  random: Random,
  stream: Stream,
  emit: (event: EventEnvelope) => void,
): Tenant {
  const id = newEventId();
  emit(stream(id, TenantCreated, { tenantId: id, before: null, after: { name: `Tenant ${t}` } }));
  const count =
    Math.floor(shape.folders / shape.tenants) + (t < shape.folders % shape.tenants ? 1 : 0);
  const folders: string[] = [];
  for (let i = 0; i < count; i++) {
    const folderId = newEventId();
    const parentId = i < shape.fanout ? null : (folders[Math.floor(i / shape.fanout) - 1] ?? null);
    folders.push(folderId);
    const after = { name: `Folder ${i}`, parentId };
    emit(stream(id, FolderCreated, { tenantId: id, folderId, before: null, after }));
  }
  const roles = Array.from({ length: shape.customRolesPerTenant }, (_, r) => {
    const roleId = newEventId();
    const granted = random.subset(CATALOG, 2, 6);
    const after = { name: `Role ${r}`, permissions: [...granted] };
    emit(stream(roleId, RoleCreated, { roleId, tenantId: id, before: null, after }));
    return { id: roleId, permissions: granted };
  });
  return { id, folders, depth: count === 0 ? 0 : depthOf(count - 1, shape.fanout), roles };
}

/** One assignment: 80% on a folder, 70% of a custom role of its tenant. */
function assign(
  random: Random,
  tenants: readonly Tenant[],
  apps: readonly string[],
  stream: Stream,
  emit: (event: EventEnvelope) => void,
): Placed {
  const tenant = random.pick(tenants);
  const folderIndex =
    tenant.folders.length > 0 && random.chance(0.8) ? random.int(tenant.folders.length) : null;
  const custom =
    tenant.roles.length > 0 && random.chance(0.7) ? random.pick(tenant.roles) : undefined;
  const builtIn = random.pick([...BUILT_IN_ROLES.keys()]);
  const role = custom ?? { id: builtIn, permissions: BUILT_IN_ROLES.get(builtIn) ?? [] };
  const app = random.pick(apps);
  const assignmentId = newEventId();
  const after = {
    principal: { type: 'app' as const, id: app },
    roleId: role.id,
    tenantId: tenant.id,
    folderId: folderIndex === null ? null : (tenant.folders[folderIndex] ?? null),
  };
  emit(stream(assignmentId, RoleAssigned, { assignmentId, before: null, after }));
  return { app, tenant, folderIndex, permissions: role.permissions };
}

/** Depth (1 = a root) of the folder at `index` in a tree laid out `fanout` wide. */
export function depthOf(index: number, fanout: number): number {
  let depth = 1;
  for (let at = index; at >= fanout; at = Math.floor(at / fanout) - 1) depth++;
  return depth;
}

function registered(appId: string, i: number) {
  return {
    appId,
    name: `Bench robot ${i}`,
    type: 'confidential' as const,
    redirectUris: [],
    userScopes: [],
    applicationScopes: SCOPES,
    firstSecret: {
      secretId: `sec-${i}`,
      hash: HASH,
      hashAlgorithm: 'sha256' as const,
      description: '',
      expiresAt: null,
    },
  };
}

/** Envelopes numbered per stream, in the order made. */
function streams() {
  const versions = new Map<string, number>();
  const occurredAt = new Date();
  return <T extends string, D extends Record<string, unknown>>(
    streamId: string,
    definition: Parameters<typeof createEnvelope<T, D>>[0],
    data: D,
  ): EventEnvelope => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    const context = {
      streamId,
      streamVersion,
      occurredAt,
      actor: ACTOR,
      correlationId: `bench-${streamId}`,
      causationId: null,
    };
    return createEnvelope(definition, data, context);
  };
}
