import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, systemClock } from '@extapps/contracts';
import { CLOCK } from './tokens';

/** CLOCK for every module of the service: the system clock, or a test's own. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: CLOCK, useValue: clock }],
      exports: [CLOCK],
    };
  }
}
