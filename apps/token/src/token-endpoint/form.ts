import { failure, Outcome, success } from './oauth-error';

/** Request parameters, each present once with a non-empty value. */
export type FormParams = ReadonlyMap<string, string>;

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * RFC 6749 §3.2: a parameter sent more than once makes the request invalid, and §3.1: one sent
 * without a value counts as absent. `resource` may repeat in RFC 8707 to ask for several
 * audiences; a token here has one audience, so that is refused as `invalid_target`.
 */
export function readForm(body: URLSearchParams): Outcome<FormParams> {
  const params = new Map<string, string>();
  for (const name of new Set(body.keys())) {
    const values = body.getAll(name);
    if (values.length > 1) {
      return name === 'resource'
        ? failure('invalid_target', 'Ask for one resource per token request.')
        : failure('invalid_request', `The parameter ${nameOf(name)} is included more than once.`);
    }
    if (values[0] !== '') params.set(name, values[0]);
  }
  return success(params);
}

// Names are echoed only when they look like OAuth parameter names, never arbitrary input.
const nameOf = (name: string) => (/^[a-z_]{1,40}$/.test(name) ? name : '(unnamed)');

/**
 * application/x-www-form-urlencoded as the WHATWG URL standard parses it ("+" is a space, bad
 * percent escapes are kept as they are), into URLSearchParams so repeated names stay visible.
 */
export function parseFormBody(body: string): URLSearchParams {
  return new URLSearchParams(body);
}
