import { HttpStatus } from '@nestjs/common';
import {
  AggregateRepository,
  PermissionsEventPayload,
} from '../infrastructure/aggregate-repository';
import { AppendGuard, Reservation } from '../infrastructure/command-runner';
import { PermissionsProblem } from '../infrastructure/http/problems';
import { normalizeRoleName } from './role-name';
import { RoleState } from './role.state';
import {
  Claim,
  CLAIM_ATTEMPTS,
  CLAIM_GRACE_MS,
  ClaimDocument,
  UniqueClaims,
} from './unique-claims';

export const ROLE_NAMES_COLLECTION = 'role_names';

/** The claim key of a name in a tenant (tenant ids have no "/"). */
export const roleNameKey = (tenantId: string, name: string) =>
  `${tenantId}/${normalizeRoleName(name)}`;

const liveKey = (state: RoleState): string | null =>
  state.status === 'live' ? roleNameKey(state.tenantId, state.name) : null;

function nameGiven(event: PermissionsEventPayload): { tenantId: string; name: string } | null {
  if (event.type === 'RoleCreated' || event.type === 'RoleChanged') {
    return { tenantId: event.data.tenantId, name: event.data.after.name };
  }
  return null;
}

export const nameTaken = (name: string) =>
  new PermissionsProblem(
    HttpStatus.CONFLICT,
    'name-taken',
    `another role of the tenant is named ${JSON.stringify(name)}`,
    { errors: [{ field: 'name', message: 'the name is taken in the tenant, ignoring case' }] },
  );

/**
 * Role names unique per tenant, ignoring case: the runner claims the name (an insert) before it
 * appends the event giving it, and releases the old name once the event is stored.
 */
export class RoleNameGuard implements AppendGuard<RoleState> {
  constructor(
    private readonly claims: UniqueClaims,
    private readonly roles: AggregateRepository<RoleState>,
  ) {}

  async reserve(roleId: string, events: readonly PermissionsEventPayload[]): Promise<Reservation> {
    const taken: Claim[] = [];
    for (const given of events.map(nameGiven)) {
      if (!given) continue;
      const claim = await this.claim(roleId, given.tenantId, given.name).catch(async (error) => {
        await Promise.all(taken.map((c) => this.claims.abandon(c)));
        throw error;
      });
      if (claim) taken.push(claim);
    }
    return {
      abandon: async () => void (await Promise.all(taken.map((c) => this.claims.abandon(c)))),
    };
  }

  async settle(roleId: string, before: RoleState, after: RoleState): Promise<void> {
    const previous = liveKey(before);
    if (previous !== null && previous !== liveKey(after))
      await this.claims.release(previous, roleId);
  }

  /** The new claim; null when the role holds the key already (e.g. a change of case). */
  private async claim(roleId: string, tenantId: string, name: string): Promise<Claim | null> {
    const key = roleNameKey(tenantId, name);
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const outcome = await this.claims.claim(key, roleId, name);
      if (outcome.ok) return outcome.claim;
      if (outcome.holder.owner === roleId) return null;
      if (!(await this.isStale(outcome.holder))) break;
      await this.claims.takeOver(outcome.holder);
    }
    throw nameTaken(name);
  }

  /** A deleted owner frees its name at once; any other owner only once past the grace period. */
  private async isStale(holder: ClaimDocument): Promise<boolean> {
    const { state } = await this.roles.load(holder.owner);
    if (state.status === 'deleted') return true;
    return liveKey(state) !== holder._id && this.claims.ageMs(holder) >= CLAIM_GRACE_MS;
  }
}
