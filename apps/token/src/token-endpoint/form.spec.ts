import { generateClientSecret } from '@extapps/contracts';
import { parseFormBody, readForm } from './form';

const read = (body: string) => readForm(parseFormBody(body));

describe('token request form', () => {
  it('given form-encoded parameters, then they are decoded ("+" is a space)', () => {
    expect(read('grant_type=client_credentials&scope=OR.Jobs+OR.Assets.Read&x=%2F')).toEqual({
      ok: true,
      value: new Map([
        ['grant_type', 'client_credentials'],
        ['scope', 'OR.Jobs OR.Assets.Read'],
        ['x', '/'],
      ]),
    });
  });

  it('given a parameter without a value, then it counts as absent (RFC 6749 §3.1)', () => {
    expect(read('grant_type=client_credentials&scope=')).toEqual({
      ok: true,
      value: new Map([['grant_type', 'client_credentials']]),
    });
  });

  it('given a parameter sent twice, then the request is invalid (RFC 6749 §3.2)', () => {
    expect(read('grant_type=client_credentials&scope=a&scope=b')).toEqual({
      ok: false,
      error: {
        error: 'invalid_request',
        description: 'The parameter scope is included more than once.',
      },
    });
  });

  it('given a parameter sent twice, once empty, then it is still repeated', () => {
    expect(read('client_id=a&client_id=')).toMatchObject({
      ok: false,
      error: { error: 'invalid_request' },
    });
  });

  it('given several resource parameters, then the target is invalid: one audience per token', () => {
    expect(read('resource=A&resource=B')).toMatchObject({
      ok: false,
      error: { error: 'invalid_target' },
    });
  });

  it('given a repeated parameter named like a secret, then the name is not echoed', () => {
    const { secret } = generateClientSecret();
    const outcome = read(`${secret}=1&${secret}=2`);
    expect(outcome).toMatchObject({ ok: false, error: { error: 'invalid_request' } });
    expect(JSON.stringify(outcome)).not.toContain(secret);
  });
});
