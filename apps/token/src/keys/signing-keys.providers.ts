import { Provider } from '@nestjs/common';
import { MONGO_CONNECTION, SERVICE_CONFIG } from '@extapps/platform';
import { Connection } from 'mongoose';
import { CLOCK } from '../tokens';
import { MongoSigningKeyStore } from './mongo-signing-key-store';
import { SigningKeyRefresher, signingKeysFactory } from './signing-key-refresher';
import { SIGNING_KEY_STORE } from './signing-key-store';
import { SigningKeys } from './signing-keys';

/** SigningKeys backed by the `signing_keys` collection, loaded before the service serves. */
export const signingKeyProviders: Provider[] = [
  {
    provide: SIGNING_KEY_STORE,
    useFactory: (connection: Connection) => new MongoSigningKeyStore(connection),
    inject: [MONGO_CONNECTION],
  },
  { provide: SigningKeys, useFactory: signingKeysFactory, inject: [SERVICE_CONFIG, CLOCK] },
  SigningKeyRefresher,
];
