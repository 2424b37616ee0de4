import { Provider } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { Logger, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { TOKEN_EVENT_SINK, TokenEventSink } from '../events/token-event-sink';
import { CLOCK } from '../tokens';
import { AdminTokenVerifier } from './admin-token-verifier';
import { MongoSignInGuards } from './mongo-sign-in-guards';
import { MongoUserStore } from './mongo-user-store';
import { PasswordHasher } from './password-hasher';
import { PasswordSignIn } from './password-sign-in';
import { UserDirectory } from './user-directory';
import { lockoutOf, scryptOf, UserDirectoryConfig } from './user-settings';
import { USER_SIGN_IN } from './user-sign-in';
import { SIGN_IN_GUARDS, SignInGuards, USER_STORE, UserStore } from './user-store';
import { UsersController } from './users.controller';

/**
 * The user directory (admin API, sign-in for the login page) on the service's MongoDB. Needs from
 * the app: SERVICE_CONFIG, MONGO_CONNECTION, TOKEN_EVENT_SINK, CLOCK, SigningKeys, ClientCatalog.
 */
export const userProviders: Provider[] = [
  {
    provide: USER_STORE,
    useFactory: (connection: Connection) => new MongoUserStore(connection),
    inject: [MONGO_CONNECTION],
  },
  {
    provide: SIGN_IN_GUARDS,
    useFactory: (connection: Connection) => new MongoSignInGuards(connection),
    inject: [MONGO_CONNECTION],
  },
  {
    provide: PasswordHasher,
    useFactory: (config: UserDirectoryConfig) => new PasswordHasher(scryptOf(config)),
    inject: [SERVICE_CONFIG],
  },
  {
    provide: UserDirectory,
    useFactory: (
      users: UserStore,
      guards: SignInGuards,
      events: TokenEventSink,
      hasher: PasswordHasher,
      clock: Clock,
      logger: Logger,
    ) => new UserDirectory({ users, guards, events, hasher, clock, logger }),
    inject: [USER_STORE, SIGN_IN_GUARDS, TOKEN_EVENT_SINK, PasswordHasher, CLOCK, ROOT_LOGGER],
  },
  {
    provide: USER_SIGN_IN,
    useFactory: (
      config: UserDirectoryConfig,
      users: UserStore,
      guards: SignInGuards,
      directory: UserDirectory,
      hasher: PasswordHasher,
      events: TokenEventSink,
    ) =>
      new PasswordSignIn({ users, guards, directory, hasher, events, lockout: lockoutOf(config) }),
    inject: [
      SERVICE_CONFIG,
      USER_STORE,
      SIGN_IN_GUARDS,
      UserDirectory,
      PasswordHasher,
      TOKEN_EVENT_SINK,
    ],
  },
  AdminTokenVerifier,
];

export const userControllers = [UsersController];
