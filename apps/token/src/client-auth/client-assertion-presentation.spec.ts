import { presentedClient } from '../token-endpoint/client-authentication';
import { JWT_BEARER_ASSERTION_TYPE } from './client-assertion';
import {
  appKey,
  assertionClaims,
  assertionForm,
  signAssertion,
} from './testing/client-assertion-fixtures';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const basic = `Basic ${Buffer.from('app-1:s').toString('base64')}`;

describe('presented client assertion (private_key_jwt)', () => {
  let assertion: string;
  beforeAll(async () => {
    assertion = await signAssertion(await appKey(), assertionClaims('app-1', NOW));
  });

  it('names the client by the assertion sub when the form has no client_id', () => {
    expect(presentedClient(undefined, assertionForm(assertion))).toEqual({
      ok: true,
      value: { method: 'private_key_jwt', clientId: 'app-1', assertion },
    });
  });

  it('names the client by client_id when present (the assertion must then be about it)', () => {
    const outcome = presentedClient(undefined, assertionForm(assertion, { client_id: 'app-2' }));
    expect(outcome).toMatchObject({ ok: true, value: { clientId: 'app-2' } });
  });

  it('refuses an assertion beside Basic as invalid_request (one method per request)', () => {
    expect(presentedClient(basic, assertionForm(assertion))).toMatchObject({
      ok: false,
      error: { error: 'invalid_request' },
    });
  });

  it('refuses an assertion beside client_secret as invalid_request', () => {
    const form = assertionForm(assertion, { client_id: 'app-1', client_secret: 's' });
    expect(presentedClient(undefined, form)).toMatchObject({
      ok: false,
      error: { error: 'invalid_request' },
    });
  });

  it.each([
    ['client_assertion without its type', { client_assertion: 'x.y.z' }],
    [
      'client_assertion_type without the assertion',
      { client_assertion_type: JWT_BEARER_ASSERTION_TYPE },
    ],
    [
      'another assertion type',
      {
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer',
        client_assertion: 'x',
      },
    ],
  ])('refuses %s as invalid_request', (_case, fields) => {
    expect(presentedClient(undefined, new Map(Object.entries(fields)))).toMatchObject({
      ok: false,
      error: { error: 'invalid_request' },
    });
  });

  it('refuses an assertion that is no JWT and no client_id as invalid_client', () => {
    expect(presentedClient(undefined, assertionForm('garbage'))).toMatchObject({
      ok: false,
      error: { error: 'invalid_client' },
    });
  });

  it('refuses an assertion over 16 KiB as invalid_client', () => {
    const form = assertionForm('a'.repeat(16_385), { client_id: 'app-1' });
    expect(presentedClient(undefined, form)).toMatchObject({
      ok: false,
      error: { error: 'invalid_client' },
    });
  });
});
