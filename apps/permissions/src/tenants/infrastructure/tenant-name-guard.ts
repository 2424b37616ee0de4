import { HttpStatus } from '@nestjs/common';
import { AppendGuard, Reservation } from '../../infrastructure/command-runner';
import { PermissionsEventPayload } from '../../infrastructure/aggregate-repository';
import { PermissionsProblem } from '../../infrastructure/http/problems';
import { TenantState } from '../tenant.state';
import { NameClaim, normalizeTenantName, TenantNames } from './tenant-names';

/** The name a tenant holds in this state; a deleted tenant frees its name. */
export const liveNameKey = (state: TenantState): string | null =>
  state.status === 'active' ? normalizeTenantName(state.name) : null;

function nameGiven(events: readonly PermissionsEventPayload[]): string | null {
  for (const event of events) {
    if (event.type === 'TenantCreated' || event.type === 'TenantRenamed') {
      return event.data.after.name;
    }
  }
  return null;
}

export const tenantNameTaken = (name: string) =>
  new PermissionsProblem(
    HttpStatus.CONFLICT,
    'tenant-name-taken',
    `another tenant is named ${JSON.stringify(name)}`,
    { errors: [{ field: 'name', message: 'the name is taken (compared ignoring case)' }] },
  );

/** Keeps the service-wide tenant name index in step with one command's events. */
export class TenantNameGuard implements AppendGuard<TenantState> {
  constructor(
    private readonly names: TenantNames,
    private readonly load: (tenantId: string) => Promise<{ state: TenantState }>,
  ) {}

  async reserve(
    tenantId: string,
    events: readonly PermissionsEventPayload[],
  ): Promise<Reservation> {
    const name = nameGiven(events);
    const claim = name === null ? null : await this.names.claim(name, tenantId);
    if (name !== null && claim === null) throw tenantNameTaken(name);
    return { abandon: () => (claim ? this.abandon(tenantId, claim) : Promise.resolve()) };
  }

  async settle(tenantId: string, before: TenantState, after: TenantState): Promise<void> {
    const previous = liveNameKey(before);
    if (previous !== null && previous !== liveNameKey(after)) {
      await this.names.release(previous, tenantId);
    }
  }

  /**
   * After a failed append the state is read again: a concurrent command of the same tenant may
   * have stored the very name (re-claiming it first), and then the claim must stay.
   */
  private async abandon(tenantId: string, claim: NameClaim): Promise<void> {
    if (liveNameKey((await this.load(tenantId)).state) === claim.key) return;
    await this.names.abandon(claim);
  }
}
