import { createServer, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import pino from 'pino';
import { Writable } from 'node:stream';
import { FastLane, FastLaneRequest, FastLaneResponse } from './fast-lane';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const FORM = 'application/x-www-form-urlencoded';

describe('FastLane', () => {
  let server: Server;
  let lane: FastLane;
  let port: number;
  let logs: Record<string, unknown>[];
  let seen: FastLaneRequest[];
  let handle: (request: FastLaneRequest) => Promise<FastLaneResponse>;

  beforeEach(async () => {
    logs = [];
    seen = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    lane = new FastLane(pino({ level: 'info' }, sink), 64);
    handle = async (request) => ({
      status: 201,
      headers: { 'content-type': 'text/plain' },
      body: `got ${request.body}`,
    });
    lane.add({
      method: 'POST',
      path: '/fast',
      contentType: FORM,
      handle: (request) => {
        seen.push(request);
        return handle(request);
      },
    });
    server = createServer((req, res) => {
      if (!lane.dispatch(req, res)) res.writeHead(299).end('normal way');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function send(options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    chunked?: boolean;
  }): Promise<Answer> {
    const body = options.body ?? 'a=1';
    const headers: Record<string, string> = { 'content-type': FORM, ...options.headers };
    if (options.chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: options.method ?? 'POST',
          path: options.path ?? '/fast',
          headers,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('answers the route itself: body, correlation id echoed, length set, access logged', async () => {
    const answer = await send({ body: 'x=é', headers: { 'x-correlation-id': 'corr-1' } });

    expect(answer).toMatchObject({ status: 201, body: 'got x=é' });
    expect(answer.headers['x-correlation-id']).toBe('corr-1');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength('got x=é')));
    expect(seen[0]).toMatchObject({ body: 'x=é', correlationId: 'corr-1', ip: '127.0.0.1' });
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'request completed',
        status: 201,
        url: '/fast',
        correlationId: 'corr-1',
      }),
    );
  });

  it('makes up a correlation id when the caller sent none or an unsafe one', async () => {
    const answer = await send({ headers: { 'x-correlation-id': 'bad id with spaces' } });

    expect(answer.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]?.correlationId).toBe(answer.headers['x-correlation-id']);
  });

  it('accepts the media type with parameters and in any case', async () => {
    const answer = await send({
      headers: { 'content-type': 'Application/X-WWW-Form-Urlencoded; charset=UTF-8' },
    });

    expect(answer.status).toBe(201);
  });

  it.each([
    ['another method', { method: 'PUT' }],
    ['a query string', { path: '/fast?x=1' }],
    ['another path', { path: '/slow' }],
    ['another content type', { headers: { 'content-type': 'application/json' } }],
    ['a chunked body', { chunked: true }],
    ['a body over the limit', { body: 'a='.padEnd(65, 'x') }],
  ])('leaves %s to the normal pipeline', async (_case, options) => {
    const answer = await send(options);

    expect(answer).toMatchObject({ status: 299, body: 'normal way' });
    expect(seen).toHaveLength(0);
  });

  it('leaves a request its route does not accept to the normal pipeline, body unread', async () => {
    lane.add({
      method: 'POST',
      path: '/picky',
      contentType: FORM,
      accepts: (request) => request.headers['x-known'] === 'yes',
      handle: async (request) => ({ status: 200, headers: {}, body: request.body }),
    });

    expect(await send({ path: '/picky', body: 'b=2' })).toMatchObject({
      status: 299,
      body: 'normal way',
    });
    expect(
      await send({ path: '/picky', body: 'b=2', headers: { 'x-known': 'yes' } }),
    ).toMatchObject({
      status: 200,
      body: 'b=2',
    });
  });

  it('leaves every request to the normal pipeline once closing', async () => {
    lane.close();

    expect((await send({})).status).toBe(299);
  });

  it('answers a request in flight when closing began with Connection: close', async () => {
    let release: () => void = () => undefined;
    handle = (request) =>
      new Promise((resolve) => {
        release = () => resolve({ status: 200, headers: {}, body: request.body });
      });
    const answer = send({});
    await waitFor(() => seen.length === 1);
    lane.close();
    release();

    expect((await answer).headers['connection']).toBe('close');
  });

  it('answers an unexpected failure with a 500 problem that names the correlation id', async () => {
    handle = () => Promise.reject(new Error('secret detail'));

    const answer = await send({ headers: { 'x-correlation-id': 'corr-2' } });

    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 500,
      correlationId: 'corr-2',
      instance: '/fast',
    });
    expect(answer.body).not.toContain('secret detail');
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: 'request failed', correlationId: 'corr-2' }),
    );
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
