import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssignmentsModule } from '../assignments/assignments.module';
import { RolesModule } from '../roles/roles.module';
import { Reactions } from './reactions';
import { ReactionsConsumer } from './reactions.consumer';

/**
 * Ends assignments (and a deleted tenant's custom roles) when what they name is deleted
 * elsewhere: apps, users, folders, roles, tenants. Needs the global access module (AccessFeed and
 * the index's ports); sends its commands through the assignments' and roles' handlers.
 */
@Module({
  imports: [CqrsModule, RolesModule, AssignmentsModule],
  providers: [Reactions, ReactionsConsumer],
  exports: [ReactionsConsumer],
})
export class ReactionsModule {}
