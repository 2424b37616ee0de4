import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@extapps/platform';
import { ASSIGNMENT_LOOKUP, AssignmentLookup } from '../../access/ports';
import { AggregateRepository } from '../../infrastructure/aggregate-repository';
import { CommandRunner } from '../../infrastructure/command-runner';
import { CommandMeta } from '../../infrastructure/http/command-meta';
import { PermissionsConfig } from '../../config';
import { TenantNameGuard } from '../infrastructure/tenant-name-guard';
import { TenantCommand } from '../tenant.commands';
import { decideTenant, TenantContext } from '../tenant.decider';
import { TenantErrorCode } from '../tenant.errors';
import { TenantState } from '../tenant.state';
import { TENANT_REPOSITORY } from '../tenants.tokens';
import { TenantCommandResult } from './tenant-command';

/** 404 for what is not there, 409 for conflicts with the current tree; the rest is 422. */
export const TENANT_STATUS: Partial<Record<TenantErrorCode, number>> = {
  'tenant-not-found': HttpStatus.NOT_FOUND,
  'tenant-deleted': HttpStatus.NOT_FOUND,
  'folder-not-found': HttpStatus.NOT_FOUND,
  'tenant-already-exists': HttpStatus.CONFLICT,
  'folder-already-exists': HttpStatus.CONFLICT,
  'folder-name-taken': HttpStatus.CONFLICT,
  'tenant-not-empty': HttpStatus.CONFLICT,
  'folder-not-empty': HttpStatus.CONFLICT,
};

/** Runs one tenant command with its context: limits from config, assignments from the index. */
@Injectable()
export class TenantExecutor {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(TENANT_REPOSITORY) private readonly repository: AggregateRepository<TenantState>,
    @Inject(ASSIGNMENT_LOOKUP) private readonly assignments: AssignmentLookup,
    @Inject(SERVICE_CONFIG) private readonly config: PermissionsConfig,
    private readonly names: TenantNameGuard,
  ) {}

  execute(
    tenantId: string,
    meta: CommandMeta,
    command: TenantCommand,
  ): Promise<TenantCommandResult> {
    const context = this.contextFor(tenantId);
    return this.runner.run({
      repository: this.repository,
      streamId: tenantId,
      meta,
      decide: (state) => decideTenant(command, state, context),
      statusOf: TENANT_STATUS,
      guard: this.names,
    });
  }

  private contextFor(tenantId: string): TenantContext {
    const { assignments, config } = this;
    return {
      limits: { maxDepth: config.FOLDER_MAX_DEPTH, maxFolders: config.TENANT_MAX_FOLDERS },
      assignments: {
        inTenant: () => assignments.inTenant(tenantId).length,
        onFolders: (folderIds) => assignments.onFolders(tenantId, folderIds).length,
      },
    };
  }
}
