import { Actor } from '@extapps/contracts';
import { TokenEventMeta, TokenEventRecord } from '../events/token-event-sink';
import { RequestMeta } from '../grants/grant-handler';
import { SignedInUser } from '../users/user-sign-in';
import { AuthorizationRequest } from './authorization-request';
import { AuthorizationRequestApproval } from './authorization-codes';
import { OFFLINE_ACCESS } from './request-validation';

/** The code store's input: the request as checked at consent time, and who consented. */
export function approvalOf(
  request: AuthorizationRequest,
  user: SignedInUser,
): AuthorizationRequestApproval {
  return {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    userId: user.userId,
    scopes: request.scopes,
    audience: request.audience,
    offlineAccess: request.offlineAccess,
    codeChallenge: request.codeChallenge,
  };
}

/** ConsentGranted, on the client's stream like the app's other token events. */
export function consentGranted(
  request: AuthorizationRequest,
  user: SignedInUser,
): TokenEventRecord {
  const scope = [...request.scopes, ...(request.offlineAccess ? [OFFLINE_ACCESS] : [])].join(' ');
  return {
    streamId: request.clientId,
    payload: {
      type: 'ConsentGranted',
      data: {
        userId: user.userId,
        clientId: request.clientId,
        scope,
        audience: [request.audience],
      },
    },
  };
}

/** The user is the actor of what they decide on the consent page. */
export function userEventMeta(user: SignedInUser, meta: RequestMeta, now: Date): TokenEventMeta {
  const actor: Actor = {
    type: 'user',
    id: user.userId,
    displayName: user.displayName.slice(0, 200),
    ip: meta.ip,
    ...(meta.userAgent === undefined ? {} : { userAgent: meta.userAgent }),
  };
  return { actor, correlationId: meta.correlationId, occurredAt: now };
}
