import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor, PermissionsEvent } from '@extapps/contracts';
import { Logger, ROOT_LOGGER } from '@extapps/platform';
import {
  ACCESS_PROJECTION,
  AccessProjection,
  ASSIGNMENT_LOOKUP,
  AssignmentLookup,
  PRINCIPAL_DIRECTORY,
  PrincipalDirectory,
} from '../access/ports';
import { UnassignRoleCommand } from '../assignments/commands/unassign-role/unassign-role.command';
import { CommandMeta } from '../infrastructure/http/command-meta';
import { PermissionsProblem } from '../infrastructure/http/problems';
import { DeleteRoleCommand } from '../roles/commands/delete-role/delete-role.command';
import { RoleViews } from '../roles/role-views';
import { distinctReactions, Reaction, ReactionEvent, reactionsTo } from './reaction-plan';

/** The actor of every event the reactions store: the service itself. */
export const REACTIONS_ACTOR: Actor = { type: 'system', id: 'permissions-reactions' };
const ATTEMPTS = 3;

/** Refusals that mean the reaction's outcome holds already. */
const DONE = new Set(['assignment-not-found', 'role-not-found']);

/**
 * Handles one event of the reactions process: plans with the index as it was, applies the event
 * to the index (and a role event to the role views), plans again, and sends each reaction as a
 * command of its own (causationId = the event). Planning on both sides of the apply keeps the
 * plan right whether or not the index had applied the event before.
 */
@Injectable()
export class Reactions {
  /** Tenants this process saw deleted: their late custom roles and assignments end too. */
  private readonly deletedTenants = new Set<string>();

  constructor(
    private readonly commands: CommandBus,
    private readonly views: RoleViews,
    @Inject(ACCESS_PROJECTION) private readonly projection: AccessProjection,
    @Inject(ASSIGNMENT_LOOKUP) private readonly assignments: AssignmentLookup,
    @Inject(PRINCIPAL_DIRECTORY) private readonly principals: PrincipalDirectory,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async handle(event: ReactionEvent): Promise<void> {
    const before = await this.plan(event);
    this.projection.apply(event);
    if (event.type === 'TenantDeleted') this.deletedTenants.add(event.data.tenantId);
    await this.views.project([event as PermissionsEvent]);
    const reactions = distinctReactions([...before, ...(await this.plan(event))]);
    const meta: CommandMeta = {
      actor: REACTIONS_ACTOR,
      correlationId: event.correlationId,
      causationId: event.eventId,
    };
    for (const reaction of reactions) await this.perform(reaction, meta);
    if (reactions.length > 0) {
      this.logger.info(
        {
          component: 'reactions',
          eventId: event.eventId,
          type: event.type,
          count: reactions.length,
        },
        'reacted',
      );
    }
  }

  private async plan(event: ReactionEvent): Promise<Reaction[]> {
    const deletedRole =
      event.type === 'RoleAssigned' && (await this.views.isDeleted(event.data.after.roleId));
    const customRoles =
      event.type === 'TenantDeleted'
        ? (await this.views.ofTenant(event.data.tenantId)).map((v) => v._id)
        : [];
    return reactionsTo(event, {
      assignments: this.assignments,
      principals: this.principals,
      roleDeleted: () => deletedRole,
      tenantDeleted: (tenantId) => this.deletedTenants.has(tenantId),
      customRolesOf: () => customRoles,
    });
  }

  /** Retries a lost race (another writer changed the stream first); a refusal saying done ends it. */
  private async perform(reaction: Reaction, meta: CommandMeta): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.commands.execute(
          reaction.kind === 'unassign'
            ? new UnassignRoleCommand(reaction.assignmentId, reaction.reason, meta)
            : new DeleteRoleCommand(reaction.roleId, true, meta),
        );
        return;
      } catch (error) {
        if (!(error instanceof PermissionsProblem)) throw error;
        if (DONE.has(error.code)) return;
        if (error.code !== 'concurrent-modification' || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
