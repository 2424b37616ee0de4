import { FormParams, readForm } from './form';
import { failure, OAuthError, Outcome } from './oauth-error';
import { RequestMeta } from '../grants/grant-handler';

export interface TokenRequest {
  /** The parsed body: URLSearchParams for a form, anything else for another content type. */
  readonly body: unknown;
  readonly authorization: string | undefined;
  readonly meta: RequestMeta;
}

export interface Refusal {
  readonly error: OAuthError;
}

/** The form of an OAuth endpoint request: `application/x-www-form-urlencoded` only. */
export function formOf(body: unknown): Outcome<FormParams> {
  if (!(body instanceof URLSearchParams))
    return failure(
      'invalid_request',
      'The request body must be application/x-www-form-urlencoded.',
    );
  return readForm(body);
}

/**
 * The grant type, checked before the client: an unsupported grant says so even to a client that
 * would also fail authentication. Implicit and password grants are never served (RFC 9700 §2.1.2,
 * §2.4): they answer `unsupported_grant_type` like any unknown one.
 */
export function grantTypeOf(form: FormParams, supported: readonly string[]): Outcome<string> {
  const grantType = form.get('grant_type');
  if (grantType === undefined) return failure('invalid_request', 'grant_type is required.');
  if (!supported.includes(grantType))
    return failure('unsupported_grant_type', `Supported grant types: ${supported.join(', ')}.`);
  return { ok: true, value: grantType };
}
