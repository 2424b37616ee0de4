import { Provider } from '@nestjs/common';
import { MONGO_CONNECTION, ROOT_LOGGER } from '@extapps/platform';
import { Connection } from 'mongoose';
import { Logger } from 'pino';
import { AuthorizeFlow } from './authorize-flow';
import { INTERACTION_STORE } from './interactions/interaction';
import { MongoInteractionStore } from './interactions/mongo-interaction-store';

/**
 * The authorization endpoint's providers. Needs from the app: ClientCatalog, CLOCK,
 * RESOURCE_CATALOG, TOKEN_EVENT_SINK, USER_SIGN_IN and AUTHORIZATION_CODE_ISSUER.
 */
export const AUTHORIZE_PROVIDERS: Provider[] = [
  {
    provide: INTERACTION_STORE,
    useFactory: (connection: Connection, logger: Logger) =>
      new MongoInteractionStore(connection, logger),
    inject: [MONGO_CONNECTION, ROOT_LOGGER],
  },
  AuthorizeFlow,
];
