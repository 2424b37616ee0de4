import { CATALOG } from './catalog';
import { Random } from './random';
import type { SeedShape } from './seed';

/** A POST /v1/check body. */
export interface CheckBody {
  readonly principal: { readonly type: 'app'; readonly id: string };
  readonly permission: string;
  readonly tenant: string;
  readonly folder?: string;
}

export interface Tenant {
  readonly id: string;
  /** Laid out `fanout` wide: the children of index i start at (i + 1) * fanout. */
  readonly folders: string[];
  readonly depth: number;
  readonly roles: { id: string; permissions: readonly string[] }[];
}

export interface Placed {
  readonly app: string;
  readonly tenant: Tenant;
  readonly folderIndex: number | null;
  readonly permissions: readonly string[];
}

/** Half the checks at or below an assignment's place for one of its role's permissions. */
export function makeQueries(
  shape: Pick<SeedShape, 'queries' | 'fanout'>,
  random: Random,
  placed: readonly Placed[],
  tenants: readonly Tenant[],
  apps: readonly string[],
): CheckBody[] {
  return Array.from({ length: shape.queries }, (_, q) => {
    if (q < shape.queries / 2 && placed.length > 0) {
      const p = random.pick(placed);
      const index =
        p.folderIndex ?? (p.tenant.folders.length > 0 ? random.int(p.tenant.folders.length) : null);
      const below =
        index === null ? null : descendant(index, p.tenant.folders.length, shape.fanout, random);
      return body(
        p.app,
        random.pick(p.permissions),
        p.tenant.id,
        below === null ? undefined : p.tenant.folders[below],
      );
    }
    const tenant = random.pick(tenants);
    const folder = tenant.folders.length > 0 ? random.pick(tenant.folders) : undefined;
    return body(random.pick(apps), random.pick(CATALOG), tenant.id, folder);
  });
}

const body = (app: string, permission: string, tenant: string, folder?: string): CheckBody => ({
  principal: { type: 'app', id: app },
  permission,
  tenant,
  ...(folder === undefined ? {} : { folder }),
});

/** A folder up to two levels below `index` (itself if it has no children). */
function descendant(index: number, count: number, fanout: number, random: Random): number {
  let at = index;
  for (let step = random.int(3); step > 0; step--) {
    const first = (at + 1) * fanout;
    if (first >= count) break;
    at = Math.min(count - 1, first + random.int(fanout));
  }
  return at;
}
