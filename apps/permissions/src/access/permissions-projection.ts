import { PermissionsChange } from './access-events';
import { AssignmentTable } from './assignment-table';
import { FolderTree } from './folder-tree';
import { RoleTable } from './role-table';
import { SequenceOutcome, StreamSequencer } from './stream-sequencer';

interface Tables {
  readonly tree: FolderTree;
  readonly roles: RoleTable;
  readonly assignments: AssignmentTable;
}

/** The permissions topic's events, applied once and in order per stream (see StreamSequencer). */
export class PermissionsProjection {
  private readonly sequencer: StreamSequencer<PermissionsChange>;

  constructor(
    private readonly tables: Tables,
    /** Told of an event naming a tenant, folder, role or assignment the index does not hold. */
    onInconsistent?: (event: PermissionsChange) => void,
  ) {
    this.sequencer = new StreamSequencer((event) => {
      if (!this.applyInOrder(event)) onInconsistent?.(event);
    });
  }

  /** Events waiting for an earlier version of their stream. */
  get waiting(): number {
    return this.sequencer.waiting;
  }

  offer(event: PermissionsChange): SequenceOutcome {
    return this.sequencer.offer(event);
  }

  private applyInOrder(event: PermissionsChange): boolean {
    const { tree, roles, assignments } = this.tables;
    switch (event.type) {
      case 'TenantDeleted':
        roles.dropTenant(event.data.tenantId);
        return tree.apply(event) === 'applied';
      case 'TenantCreated':
      case 'TenantRenamed':
      case 'FolderCreated':
      case 'FolderRenamed':
      case 'FolderMoved':
      case 'FolderDeleted':
        return tree.apply(event) === 'applied';
      case 'RoleCreated':
      case 'RoleChanged':
      case 'RoleDeleted':
        return roles.apply(event);
      case 'RoleAssigned':
      case 'RoleUnassigned':
        return assignments.apply(event);
      default: {
        const unexpected: never = event;
        throw new Error(`unexpected permissions event ${JSON.stringify(unexpected)}`);
      }
    }
  }
}
