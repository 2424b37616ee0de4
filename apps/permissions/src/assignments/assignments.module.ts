import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock } from '@extapps/contracts';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AggregateRepositories } from '../infrastructure/aggregate-repositories';
import { AggregateRepository } from '../infrastructure/aggregate-repository';
import { CLOCK } from '../infrastructure/tokens';
import { RolesModule } from '../roles/roles.module';
import { UniqueClaims } from '../roles/unique-claims';
import { assignmentAggregate, ASSIGNMENT_REPOSITORY } from './assignment.aggregate';
import { ASSIGNMENT_CLAIMS_COLLECTION, AssignmentClaimGuard } from './assignment-claim-guard';
import { AssignmentState } from './assignment.state';
import { AssignRoleController } from './commands/assign-role/assign-role.controller';
import { AssignRoleHandler } from './commands/assign-role/assign-role.handler';
import { AssignmentCommands } from './commands/assignment-commands';
import { UnassignRoleController } from './commands/unassign-role/unassign-role.controller';
import { UnassignRoleHandler } from './commands/unassign-role/unassign-role.handler';
import { AssignmentsQueryController } from './queries/assignments-query.controller';

/**
 * Role assignments (event-sourced, stream id = assignment id). Reads principals, folders and
 * live assignments from the global access index; roles from the RolesModule's repository.
 */
@Module({
  imports: [CqrsModule, RolesModule],
  controllers: [AssignRoleController, UnassignRoleController, AssignmentsQueryController],
  providers: [
    {
      provide: ASSIGNMENT_REPOSITORY,
      inject: [AggregateRepositories],
      useFactory: (repositories: AggregateRepositories) => repositories.create(assignmentAggregate),
    },
    {
      provide: AssignmentClaimGuard,
      inject: [MONGO_CONNECTION, CLOCK, ASSIGNMENT_REPOSITORY],
      useFactory: (
        connection: Connection,
        clock: Clock,
        assignments: AggregateRepository<AssignmentState>,
      ) =>
        new AssignmentClaimGuard(
          new UniqueClaims(connection, ASSIGNMENT_CLAIMS_COLLECTION, clock),
          assignments,
        ),
    },
    AssignRoleHandler,
    UnassignRoleHandler,
    AssignmentCommands,
  ],
  exports: [AssignmentCommands, ASSIGNMENT_REPOSITORY],
})
export class AssignmentsModule {}
