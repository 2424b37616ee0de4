import { checkNewUser } from './new-user';
import { passwordProblem } from './password-rule';

const valid = { username: 'alice', displayName: 'Alice Liddell', password: 'rabbit-hole-1865' };

describe('checkNewUser', () => {
  it('given a valid user, then the username is lower-cased and both names trimmed', () => {
    expect(checkNewUser({ ...valid, username: ' Alice ', displayName: ' Alice ' })).toEqual({
      ok: true,
      username: 'alice',
      displayName: 'Alice',
    });
  });

  it('given several broken rules, then each field is named', () => {
    const checked = checkNewUser({ username: 'al ice', displayName: '', password: 'short' });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems.map((p) => p.field)).toEqual(['username', 'displayName', 'password']);
  });
});

describe('passwordProblem', () => {
  it('accepts 12 characters or more', () => {
    expect(passwordProblem('abcdefghijkl', 'alice')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting characters, not bytes', () => {
    expect(passwordProblem('abcdefghijk', 'alice')).toBe('must be at least 12 characters long');
    expect(passwordProblem('ééééééééééé', 'alice')).toBe('must be at least 12 characters long');
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('x'.repeat(257), 'alice')).toBe('must be at most 256 characters long');
  });

  it('refuses the username, whatever its case', () => {
    expect(passwordProblem('Alice.Liddell', 'alice.liddell')).toBe('must not be the username');
  });
});
