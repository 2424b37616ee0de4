import { createHash } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import {
  AggregateRepository,
  PermissionsEventPayload,
} from '../infrastructure/aggregate-repository';
import { AppendGuard, Reservation } from '../infrastructure/command-runner';
import { PermissionsProblem } from '../infrastructure/http/problems';
import {
  CLAIM_ATTEMPTS,
  CLAIM_GRACE_MS,
  ClaimDocument,
  UniqueClaims,
} from '../roles/unique-claims';
import { AssignmentState } from './assignment.state';

export const ASSIGNMENT_CLAIMS_COLLECTION = 'assignment_claims';

interface Place {
  readonly principal: { readonly type: string; readonly id: string };
  readonly roleId: string;
  readonly tenantId: string;
  readonly folderId: string | null;
}

const describePlace = (p: Place) =>
  `${p.principal.type}:${p.principal.id} ${p.roleId} @ ${p.tenantId}/${p.folderId ?? '*'}`;

/** One key per principal, role and place; hashed, as ids may together exceed a sane `_id`. */
export const assignmentKey = (p: Place): string =>
  createHash('sha256')
    .update(JSON.stringify([p.principal.type, p.principal.id, p.roleId, p.tenantId, p.folderId]))
    .digest('base64url');

const alreadyAssigned = (holder: string) =>
  new PermissionsProblem(
    HttpStatus.CONFLICT,
    'assignment-exists',
    `the principal has this role here already (assignment ${holder})`,
  );

/**
 * The race the decider cannot see: two identical assignments made at once (on two instances, or
 * before the index saw the first) both pass its check. Each claims its principal, role and place
 * with an insert before appending; only one insert wins. The claim is released when the
 * assignment ends; one left by a crash is taken over once its owner shows it is not live.
 */
export class AssignmentClaimGuard implements AppendGuard<AssignmentState> {
  constructor(
    private readonly claims: UniqueClaims,
    private readonly assignments: AggregateRepository<AssignmentState>,
  ) {}

  async reserve(
    assignmentId: string,
    events: readonly PermissionsEventPayload[],
  ): Promise<Reservation> {
    const assigned = events.find((e) => e.type === 'RoleAssigned');
    if (assigned?.type !== 'RoleAssigned') return { abandon: async () => undefined };
    const place = assigned.data.after;
    const key = assignmentKey(place);
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const outcome = await this.claims.claim(key, assignmentId, describePlace(place));
      if (outcome.ok) return { abandon: () => this.claims.abandon(outcome.claim) };
      if (!(await this.isStale(outcome.holder))) throw alreadyAssigned(outcome.holder.owner);
      await this.claims.takeOver(outcome.holder);
    }
    throw alreadyAssigned('being made');
  }

  async settle(assignmentId: string, before: AssignmentState, after: AssignmentState) {
    if (before.status === 'assigned' && after.status === 'unassigned') {
      await this.claims.release(assignmentKey(before), assignmentId);
    }
  }

  /** An ended owner frees the key at once; one never stored only after the grace period. */
  private async isStale(holder: ClaimDocument): Promise<boolean> {
    const { state } = await this.assignments.load(holder.owner);
    if (state.status === 'unassigned') return true;
    return state.status === 'none' && this.claims.ageMs(holder) >= CLAIM_GRACE_MS;
  }
}
