import { InMemoryRevokedAccessTokens } from './in-memory-revoked-access-tokens';
import { describeRevokedAccessTokensContract } from './testing/revoked-access-tokens-contract';

describeRevokedAccessTokensContract('in-memory', () =>
  Promise.resolve(new InMemoryRevokedAccessTokens()),
);
