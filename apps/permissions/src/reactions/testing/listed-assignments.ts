import { Principal } from '@extapps/contracts';
import { AssignmentLookup, AssignmentRef } from '../../access/ports';

const samePrincipal = (a: Principal, b: Principal) => a.type === b.type && a.id === b.id;

/** AssignmentLookup over a fixed list: what the index would answer holding exactly these. */
export class ListedAssignments implements AssignmentLookup {
  constructor(private readonly assignments: readonly AssignmentRef[]) {}

  byPrincipal(principal: Principal): readonly AssignmentRef[] {
    return this.assignments.filter((a) => samePrincipal(a.principal, principal));
  }

  onFolders(tenantId: string, folderIds: readonly string[]): readonly AssignmentRef[] {
    return this.inTenant(tenantId).filter((a) => a.folderId && folderIds.includes(a.folderId));
  }

  inTenant(tenantId: string): readonly AssignmentRef[] {
    return this.assignments.filter((a) => a.tenantId === tenantId);
  }

  ofRole(roleId: string): readonly AssignmentRef[] {
    return this.assignments.filter((a) => a.roleId === roleId);
  }

  find(principal: Principal, roleId: string, tenantId: string, folderId: string | null) {
    return this.assignments.find(
      (a) =>
        samePrincipal(a.principal, principal) &&
        a.roleId === roleId &&
        a.tenantId === tenantId &&
        a.folderId === folderId,
    );
  }
}
