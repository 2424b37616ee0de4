import { mongoTestDatabase } from '@extapps/event-store/testing';
import { AuthorizationCodes } from './authorization-codes';
import {
  AUTHORIZATION_CODES_COLLECTION,
  MongoAuthorizationCodeStore,
} from './mongo-authorization-code-store';
import { describeAuthorizationCodeStoreContract } from './testing/authorization-code-store-contract';

const connection = mongoTestDatabase('codes');

describeAuthorizationCodeStoreContract(
  'mongo',
  () => new MongoAuthorizationCodeStore(connection()),
);

describe('MongoAuthorizationCodeStore documents', () => {
  it('keeps an issued code under its hash, never the code', async () => {
    const codes = new AuthorizationCodes(new MongoAuthorizationCodeStore(connection()));
    const userId = 'user-documents';

    const code = await codes.issue(
      {
        clientId: 'app-1',
        redirectUri: 'https://web.example/callback',
        userId,
        scopes: ['OR.Jobs.Read'],
        audience: 'OrchestratorApi',
        offlineAccess: false,
        codeChallenge: null,
      },
      new Date('2026-03-01T10:00:00.000Z'),
    );

    const stored = await connection()
      .collection(AUTHORIZATION_CODES_COLLECTION)
      .findOne({ userId });
    expect(stored).toMatchObject({ _id: expect.any(String), codeChallenge: null });
    expect(JSON.stringify(stored)).not.toContain(code);
  });
});
