import { Provider } from '@nestjs/common';
import { MONGO_CONNECTION } from '@extapps/platform';
import { Connection } from 'mongoose';
import { AUTHORIZATION_CODE_ISSUER } from '../../authorize/authorization-codes';
import { AUTHORIZATION_CODE_STORE } from '../../authorization-codes/authorization-code-store';
import { AuthorizationCodes } from '../../authorization-codes/authorization-codes';
import { MongoAuthorizationCodeStore } from '../../authorization-codes/mongo-authorization-code-store';
import { GRANT_STORE } from '../../grant-store/grant-records';
import { GRANT_REVOCATIONS } from '../../grant-store/grant-store';
import { MongoGrantStore } from '../../grant-store/mongo-grant-store';
import { RefreshTokenGrant } from '../refresh-token/refresh-token.grant';
import { RefreshTokens } from '../refresh-token/refresh-tokens';
import { AuthorizationCodeGrant } from './authorization-code.grant';

/**
 * Codes, grants and refresh tokens on the service's MongoDB, and the two user grant handlers
 * (list them in GRANT_HANDLERS). No index to create: every collection is keyed by `_id` alone.
 */
export const userGrantProviders: Provider[] = [
  {
    provide: AUTHORIZATION_CODE_STORE,
    useFactory: (connection: Connection) => new MongoAuthorizationCodeStore(connection),
    inject: [MONGO_CONNECTION],
  },
  { provide: AUTHORIZATION_CODE_ISSUER, useClass: AuthorizationCodes },
  {
    provide: GRANT_STORE,
    useFactory: (connection: Connection) => new MongoGrantStore(connection),
    inject: [MONGO_CONNECTION],
  },
  { provide: GRANT_REVOCATIONS, useExisting: GRANT_STORE },
  RefreshTokens,
  AuthorizationCodeGrant,
  RefreshTokenGrant,
];
