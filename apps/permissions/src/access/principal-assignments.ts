import { AssignmentRef } from './ports';

/** Up to this many assignments in a tenant, a check scans them all; past it, it looks up by place. */
export const SCAN_LIMIT = 16;
const NONE: readonly AssignmentRef[] = Object.freeze([]);
/** Map key of the tenant-wide place (entity ids are never empty). */
const TENANT_WIDE = '';

/** One principal's assignments in one tenant. */
export class TenantPlaces {
  readonly items: AssignmentRef[] = [];
  private byPlace: Map<string, AssignmentRef[]> | undefined;

  /**
   * Candidates for assignments on `folderId` (null: tenant-wide). May hold others: callers
   * compare each one's folderId, so small lists are scanned without an index of their own.
   */
  candidates(folderId: string | null): readonly AssignmentRef[] {
    if (this.items.length <= SCAN_LIMIT) return this.items;
    this.byPlace ??= indexByPlace(this.items);
    return this.byPlace.get(folderId ?? TENANT_WIDE) ?? NONE;
  }

  add(assignment: AssignmentRef): void {
    this.items.push(assignment);
    this.byPlace = undefined;
  }

  remove(assignment: AssignmentRef): void {
    const at = this.items.indexOf(assignment);
    if (at >= 0) this.items.splice(at, 1);
    this.byPlace = undefined;
  }
}

function indexByPlace(items: readonly AssignmentRef[]): Map<string, AssignmentRef[]> {
  const index = new Map<string, AssignmentRef[]>();
  for (const item of items) {
    const key = item.folderId ?? TENANT_WIDE;
    const list = index.get(key);
    if (list) list.push(item);
    else index.set(key, [item]);
  }
  return index;
}

/** Everything assigned to one principal, by tenant. */
export class PrincipalAssignments {
  private readonly byTenant = new Map<string, TenantPlaces>();

  inTenant(tenantId: string): TenantPlaces | undefined {
    return this.byTenant.get(tenantId);
  }

  all(): AssignmentRef[] {
    return [...this.byTenant.values()].flatMap((places) => places.items);
  }

  add(assignment: AssignmentRef): void {
    let places = this.byTenant.get(assignment.tenantId);
    if (!places) {
      places = new TenantPlaces();
      this.byTenant.set(assignment.tenantId, places);
    }
    places.add(assignment);
  }

  remove(assignment: AssignmentRef): void {
    const places = this.byTenant.get(assignment.tenantId);
    if (!places) return;
    places.remove(assignment);
    if (places.items.length === 0) this.byTenant.delete(assignment.tenantId);
  }
}
