import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AuthorizationCodeIssuer,
  AuthorizationRequestApproval,
} from '../authorize/authorization-codes';
import { newOpaqueToken, opaqueTokenHash } from '../grant-store/opaque-token';
import {
  AUTHORIZATION_CODE_STORE,
  AUTHORIZATION_CODE_TTL_SECONDS,
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
} from './authorization-code-store';

/** Issues codes of 256 random bits, valid 60 s, each with the id of the grant it will create. */
@Injectable()
export class AuthorizationCodes implements AuthorizationCodeIssuer {
  constructor(@Inject(AUTHORIZATION_CODE_STORE) private readonly store: AuthorizationCodeStore) {}

  async issue(approval: AuthorizationRequestApproval, now: Date): Promise<string> {
    const code = newOpaqueToken();
    await this.store.save(codeRecord(approval, opaqueTokenHash(code), now));
    return code;
  }
}

/** The approval's fields only: a caller's object may carry more, which is not for the store. */
function codeRecord(
  approval: AuthorizationRequestApproval,
  hash: string,
  now: Date,
): AuthorizationCodeRecord {
  const { clientId, redirectUri, userId, scopes, audience, offlineAccess, codeChallenge } =
    approval;
  return {
    hash,
    grantId: randomUUID(),
    clientId,
    redirectUri,
    userId,
    scopes: [...scopes],
    audience,
    offlineAccess,
    codeChallenge,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + AUTHORIZATION_CODE_TTL_SECONDS * 1000),
  };
}
