import { randomUUID } from 'node:crypto';
import { mongoTestDatabase } from '@extapps/event-store/testing';
import {
  MongoRevokedAccessTokens,
  REVOKED_ACCESS_TOKENS_COLLECTION,
} from './mongo-revoked-access-tokens';
import { describeRevokedAccessTokensContract } from './testing/revoked-access-tokens-contract';

const connection = mongoTestDatabase('revoked-tokens');
const collection = () => connection().collection(REVOKED_ACCESS_TOKENS_COLLECTION);

describeRevokedAccessTokensContract('mongo', async () => {
  await collection().deleteMany({});
  return new MongoRevokedAccessTokens(connection());
});

describe('MongoRevokedAccessTokens documents', () => {
  it('keeps one document per revoked jti: { _id: jti, clientId, expiresAt, revokedAt }', async () => {
    const jti = randomUUID();
    const expiresAt = new Date('2026-03-01T11:00:00.000Z');
    const revokedAt = new Date('2026-03-01T10:00:00.000Z');

    await new MongoRevokedAccessTokens(connection()).revoke(
      { jti, clientId: 'robot', expiresAt },
      revokedAt,
    );

    expect(
      await collection()
        .find({ _id: jti as never })
        .toArray(),
    ).toEqual([{ _id: jti, clientId: 'robot', expiresAt, revokedAt }]);
  });
});
