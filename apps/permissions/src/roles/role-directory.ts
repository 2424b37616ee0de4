import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository } from '../infrastructure/aggregate-repository';
import { BuiltInRole } from './catalog/built-in-roles';
import { BUILT_IN_ROLES } from './catalog/catalog.module';
import { ROLE_REPOSITORY } from './role.aggregate';
import { builtInRoleResponse, customRoleResponse, RoleResponse } from './role-response';
import { RoleViews } from './role-views';
import { RoleState } from './role.state';

/**
 * Roles as readers see them: the built-in ones from code, a custom one from its stream (so a
 * read right after a write on any instance is current), a tenant's list from the role views.
 */
@Injectable()
export class RoleDirectory {
  private readonly builtIns: ReadonlyMap<string, BuiltInRole>;

  constructor(
    @Inject(BUILT_IN_ROLES) builtIns: readonly BuiltInRole[],
    @Inject(ROLE_REPOSITORY) private readonly roles: AggregateRepository<RoleState>,
    private readonly views: RoleViews,
  ) {
    this.builtIns = new Map(builtIns.map((r) => [r.roleId, r]));
  }

  /** A built-in or live custom role; undefined when there is none (or it was deleted). */
  async find(roleId: string): Promise<RoleResponse | undefined> {
    const builtIn = this.builtIns.get(roleId);
    if (builtIn) return builtInRoleResponse(builtIn);
    const { state, version } = await this.roles.load(roleId);
    return state.status === 'live' ? customRoleResponse(state, version) : undefined;
  }

  /** The built-in roles, then the tenant's custom roles by name (none without a tenant). */
  async list(tenantId: string | undefined): Promise<RoleResponse[]> {
    const custom = tenantId === undefined ? [] : await this.views.ofTenant(tenantId);
    return [
      ...[...this.builtIns.values()].map(builtInRoleResponse),
      ...custom.map((v) => customRoleResponse({ ...v, roleId: v._id }, v.version)),
    ];
  }
}
