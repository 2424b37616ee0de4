import { ErrorCode } from '../errors';
import { refusal } from './problems';

describe('refusal', () => {
  it.each<[ErrorCode, number]>([
    ['app-not-found', 404],
    ['app-already-exists', 409],
    ['app-deleted', 409],
    ['invalid-redirect-uri', 422],
    ['too-many-secrets', 422],
    ['secret-not-found', 422],
  ])('answers %s with %i', (code, status) => {
    expect(refusal({ code, message: 'm' }).getStatus()).toBe(status);
  });

  it('names the field in errors[], in the dotted form request validation uses', () => {
    const problem = refusal({ code: 'unknown-scope', message: 'no', field: 'userScopes[2]' });

    expect(problem.extensions).toEqual({ errors: [{ field: 'userScopes.2', message: 'no' }] });
    expect(problem.code).toBe('unknown-scope');
  });

  it('has no errors[] when the rule concerns no single field', () => {
    expect(refusal({ code: 'too-many-secrets', message: 'm' }).extensions).toEqual({});
  });
});
