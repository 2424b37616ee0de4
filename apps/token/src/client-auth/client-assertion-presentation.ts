import { decodeJwt } from 'jose';
import { FormParams } from '../token-endpoint/form';
import { failure, Outcome, success } from '../token-endpoint/oauth-error';
import { JWT_BEARER_ASSERTION_TYPE } from './client-assertion';

/** `private_key_jwt` (RFC 7523 §2.2): a client assertion, verified by ClientAssertionAuthenticator. */
export interface PresentedAssertion {
  readonly method: 'private_key_jwt';
  /** `client_id` from the form, else the assertion's (not yet verified) `sub`. */
  readonly clientId: string;
  /** Never logged: until verified it is just a string from the request. */
  readonly assertion: string;
}

/** Far above any real assertion (an RSA-8192 signature is 1.4 KB); not worth parsing beyond. */
const MAX_ASSERTION_LENGTH = 16_384;

export function hasClientAssertion(form: FormParams): boolean {
  return (
    form.get('client_assertion') !== undefined || form.get('client_assertion_type') !== undefined
  );
}

/**
 * The assertion of the request, when it authenticates with one. It is the request's one method
 * (RFC 6749 §2.3): Basic or a client_secret beside it is `invalid_request`. RFC 7521 §4.2 makes
 * `client_id` optional; when present it must name the client the assertion is about, which the
 * verification checks (`iss` and `sub` must equal it).
 */
export function presentedAssertion(
  authorization: string | undefined,
  form: FormParams,
): Outcome<PresentedAssertion> {
  if (authorization !== undefined || form.get('client_secret') !== undefined)
    return failure('invalid_request', 'Use one client authentication method, not two.');
  const type = form.get('client_assertion_type');
  const assertion = form.get('client_assertion');
  if (type === undefined || assertion === undefined)
    return failure('invalid_request', 'client_assertion and client_assertion_type go together.');
  if (type !== JWT_BEARER_ASSERTION_TYPE)
    return failure(
      'invalid_request',
      `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}.`,
    );
  if (assertion.length > MAX_ASSERTION_LENGTH)
    return failure('invalid_client', 'The client assertion is too long.');
  const clientId = form.get('client_id') ?? subjectOf(assertion);
  if (clientId === undefined)
    return failure('invalid_client', 'The client assertion is not a JWT naming the client in sub.');
  return success({ method: 'private_key_jwt', clientId, assertion });
}

function subjectOf(assertion: string): string | undefined {
  try {
    const { sub } = decodeJwt(assertion);
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined;
  }
}
