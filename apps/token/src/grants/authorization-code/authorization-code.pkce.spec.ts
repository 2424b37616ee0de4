import { s256Challenge } from './pkce';
import {
  desktop,
  refusedWith,
  UserGrantFixture,
  VERIFIER,
  web,
} from './testing/user-grant-fixture';

describe('AuthorizationCodeGrant: PKCE and expiry', () => {
  let t: UserGrantFixture;
  beforeEach(() => {
    t = new UserGrantFixture();
  });

  describe('expiry (60 s, injected clock)', () => {
    it('given a code 59.999 s old, when exchanged, then tokens', async () => {
      const code = await t.approve(desktop);
      t.clock.advance(59_999);

      expect(await t.exchange(desktop, code)).toMatchObject({ ok: true });
    });

    it('given a code 60 s old, when exchanged, then invalid_grant', async () => {
      const code = await t.approve(desktop);
      t.clock.advance(60_000);

      expect(await t.exchange(desktop, code)).toMatchObject(refusedWith('invalid_grant'));
      expect(t.sink.events).toEqual([]);
    });
  });

  describe('PKCE (S256)', () => {
    it('given a wrong verifier, when exchanged, then invalid_grant; the right one still works', async () => {
      const code = await t.approve(desktop);

      expect(await t.exchange(desktop, code, { code_verifier: 'x'.repeat(43) })).toEqual({
        ok: false,
        error: {
          error: 'invalid_grant',
          description: 'code_verifier does not match the code_challenge.',
        },
      });
      expect(await t.exchange(desktop, code)).toMatchObject({ ok: true });
    });

    it('given a code issued with a challenge, when exchanged without verifier, then invalid_grant', async () => {
      const code = await t.approve(web);

      expect(await t.exchange(web, code, { code_verifier: '' })).toMatchObject(
        refusedWith('invalid_grant'),
      );
    });

    it('given a code issued without a challenge, when a verifier is sent, then invalid_grant', async () => {
      const code = await t.approve(web, { codeChallenge: null });

      expect(await t.exchange(web, code)).toEqual({
        ok: false,
        error: {
          error: 'invalid_grant',
          description: 'code_verifier was sent for a code issued without PKCE.',
        },
      });
    });

    it('given a non-confidential app’s code without a challenge, when exchanged, then invalid_grant', async () => {
      const code = await t.approve(desktop, { codeChallenge: null });

      expect(await t.exchange(desktop, code, { code_verifier: '' })).toMatchObject(
        refusedWith('invalid_grant'),
      );
    });

    it.each([
      ['42 characters', 'a'.repeat(42)],
      ['129 characters', 'a'.repeat(129)],
      ['a reserved character', `${VERIFIER.slice(1)}+`],
    ])('given a verifier of %s, when exchanged, then invalid_request', async (_case, verifier) => {
      const code = await t.approve(desktop);

      expect(await t.exchange(desktop, code, { code_verifier: verifier })).toMatchObject(
        refusedWith('invalid_request'),
      );
    });

    it('given a 128-character verifier and its challenge, when exchanged, then tokens', async () => {
      const verifier = `${'a'.repeat(64)}-._~${'Z'.repeat(60)}`;
      const code = await t.approve(desktop, { codeChallenge: s256Challenge(verifier) });

      expect(await t.exchange(desktop, code, { code_verifier: verifier })).toMatchObject({
        ok: true,
      });
    });
  });
});
