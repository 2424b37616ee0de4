import { Provider } from '@nestjs/common';
import { MONGO_CONNECTION, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { TokenConfig } from '../config';
import { GRANT_STORE } from '../grant-store/grant-records';
import { AccessTokenVerifier } from '../introspection/access-token-verifier';
import { IntrospectionController } from '../introspection/introspection.controller';
import { IntrospectionService } from '../introspection/introspection.service';
import { TokenCallReader } from '../introspection/token-call';
import { RefreshTokenRecords, TokenFinder } from '../introspection/token-finder';
import { SigningKeys } from '../keys/signing-keys';
import { MongoRevokedAccessTokens } from './mongo-revoked-access-tokens';
import { RevocationController } from './revocation.controller';
import { RevocationService } from './revocation.service';
import { REVOKED_ACCESS_TOKENS, RevokedAccessTokens } from './revoked-access-tokens';
import { RevokedTokenPurge } from './revoked-token-purge';

/** Introspection (RFC 7662) and revocation (RFC 7009). */
export const tokenStateControllers = [IntrospectionController, RevocationController];

/**
 * Their services, with revoked jtis on the service's MongoDB (keyed by `_id` alone: no index to
 * create). Needs GRANT_STORE, GRANT_REVOCATIONS, SigningKeys, ClientAuthenticator and the event
 * sink bound.
 */
export const tokenStateProviders: Provider[] = [
  {
    provide: REVOKED_ACCESS_TOKENS,
    useFactory: (connection: Connection) => new MongoRevokedAccessTokens(connection),
    inject: [MONGO_CONNECTION],
  },
  {
    provide: TokenFinder,
    useFactory: (
      keys: SigningKeys,
      config: TokenConfig,
      revoked: RevokedAccessTokens,
      refreshTokens: RefreshTokenRecords,
    ) => new TokenFinder(new AccessTokenVerifier(keys, config.ISSUER), revoked, refreshTokens),
    inject: [SigningKeys, SERVICE_CONFIG, REVOKED_ACCESS_TOKENS, GRANT_STORE],
  },
  TokenCallReader,
  IntrospectionService,
  RevocationService,
  RevokedTokenPurge,
];
