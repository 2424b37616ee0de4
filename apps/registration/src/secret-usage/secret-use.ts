import { TokenEvent } from '@extapps/contracts';

/** A client secret authenticated a token request at `at`. */
export interface SecretUse {
  readonly appId: string;
  readonly secretId: string;
  readonly at: Date;
}

/**
 * The secret use a token service event reports: TokenIssued and TokenRefreshed name the secret
 * that authenticated the request (null when the client authenticated otherwise, e.g. with
 * private_key_jwt). Every other token event reports none; a new one must be placed here.
 */
export function secretUseOf(event: TokenEvent): SecretUse | null {
  switch (event.type) {
    case 'TokenIssued':
    case 'TokenRefreshed': {
      const { clientId, secretId } = event.data;
      if (secretId === null) return null;
      return { appId: clientId, secretId, at: new Date(event.occurredAt) };
    }
    case 'TokenRevoked':
    case 'ClientAuthenticationFailed':
    case 'RefreshTokenReuseDetected':
    case 'UserSignedIn':
    case 'UserSignInFailed':
    case 'ConsentGranted':
    case 'UserCreated':
    case 'UserPasswordChanged':
    case 'UserDisabled':
    case 'UserEnabled':
    case 'UserDeleted':
    case 'UserLockedOut':
    case 'UserUnlocked':
      return null;
    default: {
      const unexpected: never = event;
      throw new Error(`unknown token event ${String((unexpected as TokenEvent).type)}`);
    }
  }
}
