import { DynamicModule, Module } from '@nestjs/common';
import { Clock, DEFAULT_RESOURCE_CATALOG, systemClock } from '@extapps/contracts';
import { ServiceModule } from '@extapps/platform';
import { ClientCatalog } from './clients/client-catalog';
import { TokenConfig } from './config';
import { DiscoveryController } from './discovery/discovery.controller';
import { SigningKeys } from './keys/signing-keys';
import { FormBodyParser } from './token-endpoint/form-body.parser';
import { TokenController } from './token-endpoint/token.controller';
import { TokenService } from './token-endpoint/token.service';
import { ClientAuthenticator } from './client-auth/client-authenticator';
import { DirectPublishSink } from './events/direct-publish.sink';
import { TOKEN_EVENT_SINK } from './events/token-event-sink';
import { ClientCredentialsGrant } from './grants/client-credentials/client-credentials.grant';
import { GRANT_HANDLERS, GrantHandler } from './grants/grant-handler';
import { CLOCK, RESOURCE_CATALOG } from './tokens';

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
        }),
      ],
      controllers: [DiscoveryController, TokenController],
      providers: [
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        // Only feeds scopes_supported; the app's scopes come with its registration events.
        { provide: RESOURCE_CATALOG, useValue: DEFAULT_RESOURCE_CATALOG },
        { provide: SigningKeys, useFactory: () => SigningKeys.generate() },
        ClientCatalog,
        ClientAuthenticator,
        { provide: TOKEN_EVENT_SINK, useClass: DirectPublishSink },
        ClientCredentialsGrant,
        {
          provide: GRANT_HANDLERS,
          useFactory: (...grants: GrantHandler[]) => grants,
          inject: [ClientCredentialsGrant],
        },
        TokenService,
        FormBodyParser,
      ],
    };
  }
}
