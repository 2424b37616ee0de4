import { DynamicModule, Module } from '@nestjs/common';
import { Clock, DEFAULT_RESOURCE_CATALOG, systemClock } from '@extapps/contracts';
import { ServiceModule } from '@extapps/platform';
import { ClientCatalog } from './clients/client-catalog';
import { TokenConfig } from './config';
import { DiscoveryController } from './discovery/discovery.controller';
import { signingKeyProviders } from './keys/signing-keys.providers';
import { FormBodyParser } from './token-endpoint/form-body.parser';
import { TokenController } from './token-endpoint/token.controller';
import { TokenFastLane } from './token-endpoint/token-fast-lane';
import { TokenService } from './token-endpoint/token.service';
import { ClientAuthenticator } from './client-auth/client-authenticator';
import { clientAssertionProviders } from './client-auth/client-assertion.providers';
import { tokenEventProviders } from './events/token-events.service';
import { ClientCredentialsGrant } from './grants/client-credentials/client-credentials.grant';
import { GRANT_HANDLERS, GrantHandler } from './grants/grant-handler';
import { AuthorizationCodeGrant } from './grants/authorization-code/authorization-code.grant';
import { userGrantProviders } from './grants/authorization-code/user-grant.providers';
import { RefreshTokenGrant } from './grants/refresh-token/refresh-token.grant';
import { tokenStateControllers, tokenStateProviders } from './revocation/token-state.providers';
import { CLOCK, RESOURCE_CATALOG } from './tokens';
import { clientAuthThrottleProvider } from './client-auth/client-auth-throttle.settings';
import { AdminAuthenticator } from './users/admin-authenticator';
import { userControllers, userProviders } from './users/users.providers';
import { AuthorizeController } from './authorize/authorize.controller';
import { AUTHORIZE_PROVIDERS } from './authorize/authorize.providers';

/** What tests may replace; production uses the defaults. */
export interface TokenOverrides {
  readonly clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: TokenConfig, overrides: TokenOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot(config, {
          healthIndicators: [{ name: 'clients', provider: ClientCatalog }],
          // Bearer tokens of this service's own admin API (/v1/users).
          authenticator: AdminAuthenticator,
        }),
      ],
      controllers: [
        DiscoveryController,
        TokenController,
        ...tokenStateControllers,
        ...userControllers,
        AuthorizeController,
      ],
      providers: [
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        // scopes_supported and the consent page's descriptions; apps' scopes come with their events.
        {
          provide: RESOURCE_CATALOG,
          useValue: config.RESOURCE_CATALOG_FILE?.catalog ?? DEFAULT_RESOURCE_CATALOG,
        },
        ...signingKeyProviders,
        TokenFastLane,
        ClientCatalog,
        ClientAuthenticator,
        ...clientAssertionProviders,
        clientAuthThrottleProvider,
        ...tokenEventProviders,
        ClientCredentialsGrant,
        ...userGrantProviders,
        {
          provide: GRANT_HANDLERS,
          useFactory: (...grants: GrantHandler[]) => grants,
          inject: [ClientCredentialsGrant, AuthorizationCodeGrant, RefreshTokenGrant],
        },
        TokenService,
        ...tokenStateProviders,
        FormBodyParser,
        ...userProviders,
        ...AUTHORIZE_PROVIDERS,
      ],
    };
  }
}
