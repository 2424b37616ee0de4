import { Module } from '@nestjs/common';
import { AccessReadiness } from './access-readiness';
import { CheckFastLane } from './check-fast-lane';
import { CheckController } from './check.controller';
import { EffectivePermissionsController } from './effective-permissions.controller';

/** The check API; needs the global AccessModule (the index and its feed). */
@Module({
  controllers: [CheckController, EffectivePermissionsController],
  providers: [AccessReadiness, CheckFastLane],
})
export class CheckModule {}
