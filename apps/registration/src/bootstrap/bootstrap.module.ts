import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BootstrapAdminService } from './bootstrap-admin.service';

/** Needs the CommandsModule's handlers on the CqrsModule's bus and the InfrastructureModule. */
@Module({
  imports: [CqrsModule],
  providers: [BootstrapAdminService],
  exports: [BootstrapAdminService],
})
export class BootstrapModule {}
