import { mongoTestDatabase } from '@extapps/event-store/testing';
import { REFRESH_TOKENS_COLLECTION } from './grant-documents';
import { MongoGrantStore } from './mongo-grant-store';
import { aGrant, aRefreshToken, describeGrantStoreContract } from './testing/grant-store-contract';

const connection = mongoTestDatabase('grants');

describeGrantStoreContract('mongo', () => new MongoGrantStore(connection()));

describe('MongoGrantStore documents', () => {
  it('keeps a refresh token under its hash, never the token', async () => {
    const token = aRefreshToken(aGrant());
    await new MongoGrantStore(connection()).saveRefreshToken(token);

    const stored = await connection()
      .collection(REFRESH_TOKENS_COLLECTION)
      .findOne({ grantId: token.grantId });

    expect(stored).toEqual({
      _id: token.hash,
      grantId: token.grantId,
      clientId: token.clientId,
      userId: token.userId,
      scopes: [...token.scopes],
      audience: token.audience,
      issuedAt: token.issuedAt,
      expiresAt: token.expiresAt,
    });
  });
});
