import { createServer, IncomingMessage, Server } from 'node:http';
import { runOpenLoadInChild } from './open-load-process';

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('runOpenLoadInChild', () => {
  let server: Server;
  let baseUrl: string;
  const received: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      void bodyOf(request).then((body) => {
        received.push(`${request.method} ${request.url} ${request.headers['x-test']} ${body}`);
        response.statusCode = request.url === '/missing' ? 404 : 200;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('given a spec, when the child runs it, then every call is sent as written and only those after the warm-up are counted', async () => {
    const lines: string[] = [];

    const result = await runOpenLoadInChild(
      {
        baseUrl,
        ratePerSecond: 1000,
        requests: 6,
        warmupRequests: 4,
        calls: [
          { method: 'POST', path: '/check', headers: { 'x-test': 'a' }, body: '{"n":1}' },
          { method: 'GET', path: '/missing', headers: { 'x-test': 'b' } },
        ],
        okStatuses: [200],
      },
      (line) => lines.push(line),
    );

    expect(result).toMatchObject({ requests: 6, errors: 3, statuses: { 200: 3, 404: 3 } });
    expect(received.filter((r) => r === 'POST /check a {"n":1}')).toHaveLength(2 + 3);
    expect(received.filter((r) => r === 'GET /missing b ')).toHaveLength(2 + 3);
    expect(lines).toEqual([]);
  }, 60_000);

  it('given a spec the child cannot use, then it fails with the child output', async () => {
    await expect(
      runOpenLoadInChild(
        {
          baseUrl: 'not a url',
          ratePerSecond: 10,
          requests: 1,
          warmupRequests: 0,
          calls: [],
          okStatuses: [200],
        },
        () => undefined,
      ),
    ).rejects.toThrow(/the fixed-rate load failed \(exit 1\)[\s\S]*Invalid URL/);
  }, 60_000);
});
