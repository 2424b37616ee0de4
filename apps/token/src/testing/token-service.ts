import { defineService } from '@extapps/platform';
import { AppModule, TokenOverrides } from '../app.module';
import { tokenService } from '../service';

/** The token service with test doubles (e.g. a ManualClock) in place of the real ones. */
export function tokenServiceWith(overrides: TokenOverrides) {
  return defineService({
    ...tokenService,
    appModule: (config) => AppModule.forRoot(config, overrides),
  });
}
