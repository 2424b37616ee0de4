import { FastLane, FastLaneRequest } from '@extapps/platform';
import { oauthError } from './oauth-error';
import { TokenFastLane } from './token-fast-lane';
import { TokenRequest } from './token-request';
import { TokenOutcome, TokenService } from './token.service';

function laneAnswering(outcome: TokenOutcome) {
  const requests: TokenRequest[] = [];
  const tokens = {
    issue: async (request: TokenRequest) => {
      requests.push(request);
      return outcome;
    },
  } as unknown as TokenService;
  return { lane: new TokenFastLane({} as FastLane, tokens), requests };
}

const request: FastLaneRequest = {
  headers: { authorization: 'Basic abc', 'user-agent': 'curl/8' },
  body: 'grant_type=client_credentials&scope=a+b',
  ip: '10.0.0.1',
  correlationId: 'corr-9',
};

describe('TokenFastLane', () => {
  it('hands the parsed form, credentials and origin to the token service', async () => {
    const { lane, requests } = laneAnswering({
      ok: false,
      refusal: { error: oauthError('invalid_request', 'x') },
    });

    await lane.handle(request);

    const [sent] = requests;
    expect((sent?.body as URLSearchParams).get('scope')).toBe('a b');
    expect(sent).toMatchObject({
      authorization: 'Basic abc',
      meta: { ip: '10.0.0.1', correlationId: 'corr-9', userAgent: 'curl/8' },
    });
  });

  it('answers a token as uncacheable JSON', async () => {
    const response = {
      access_token: 't',
      token_type: 'Bearer',
      expires_in: 60,
      scope: 'a',
    } as const;
    const { lane } = laneAnswering({ ok: true, response });

    const answer = await lane.handle(request);

    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
    });
    expect(JSON.parse(answer.body)).toEqual(response);
  });

  it('answers a failed client authentication with 401 and the Basic challenge', async () => {
    const { lane } = laneAnswering({
      ok: false,
      refusal: { error: oauthError('invalid_client', 'no') },
    });

    const answer = await lane.handle(request);

    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Basic realm="extapps"');
    expect(JSON.parse(answer.body)).toEqual({ error: 'invalid_client', error_description: 'no' });
  });

  it('asks the client to retry while the service cannot serve', async () => {
    const { lane } = laneAnswering({
      ok: false,
      refusal: { error: oauthError('temporarily_unavailable', 'starting') },
    });

    const answer = await lane.handle(request);

    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('1');
  });
});
