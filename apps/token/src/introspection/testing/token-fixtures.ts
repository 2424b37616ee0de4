import { randomUUID } from 'node:crypto';
import { Clock } from '@extapps/contracts';
import { SigningKeys } from '../../keys/signing-keys';
import { InMemoryRevokedAccessTokens } from '../../revocation/in-memory-revoked-access-tokens';
import { RevokedAccessTokens } from '../../revocation/revoked-access-tokens';
import {
  AccessTokenClaims,
  appTokenClaims,
  userTokenClaims,
} from '../../token-endpoint/access-token';
import { AccessTokenVerifier } from '../access-token-verifier';
import { TokenFinder } from '../token-finder';
import { InMemoryGrantRevocations } from './in-memory-grant-revocations';

export const TEST_ISSUER = 'https://id.example.com';
export const TEST_TTL_SECONDS = 600;

/** Keys, stores and finder over memory, and tokens signed as the token endpoint signs them. */
export async function tokenFixtures(clock: Clock) {
  const keys = await SigningKeys.generate(clock);
  const revokedAccessTokens: RevokedAccessTokens = new InMemoryRevokedAccessTokens();
  const grants = new InMemoryGrantRevocations();
  const verifier = new AccessTokenVerifier(keys, TEST_ISSUER);
  const finder = new TokenFinder(verifier, revokedAccessTokens, grants);
  const grant = { audience: 'OrchestratorApi', scopes: ['OR.Jobs'] };
  const input = (clientId: string) => ({
    issuer: TEST_ISSUER,
    clientId,
    grant,
    issuedAt: clock.now(),
    ttlSeconds: TEST_TTL_SECONDS,
  });
  return {
    keys,
    revokedAccessTokens,
    grants,
    verifier,
    finder,
    appClaims: (clientId: string): AccessTokenClaims => appTokenClaims(input(clientId)),
    userClaims: (clientId: string, grantId: string = randomUUID()): AccessTokenClaims =>
      userTokenClaims({ ...input(clientId), userId: 'user-1', grantId }),
    sign: (claims: object): Promise<string> => keys.sign({ ...claims }),
  };
}
