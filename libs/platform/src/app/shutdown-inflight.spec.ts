import { Controller, Get } from '@nestjs/common';
import { Public } from '../http/public.decorator';
import { createTestHttpApp } from '../testing/http-app';
import { ROOT_LOGGER } from '../tokens';
import { gracefulShutdown } from './shutdown';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A request the test holds open until it chooses to release it. */
const entered = deferred();
const release = deferred();

@Public()
@Controller('slow')
class SlowController {
  @Get()
  async slow(): Promise<{ done: true }> {
    entered.resolve();
    await release.promise;
    return { done: true };
  }
}

describe('gracefulShutdown with a request in flight', () => {
  it('finishes the in-flight request, refuses new connections meanwhile, then exits 0', async () => {
    const { app } = await createTestHttpApp({ controllers: [SlowController] });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const exits: number[] = [];
    const shutdown = gracefulShutdown({
      app,
      logger: app.get(ROOT_LOGGER),
      timeoutMs: 10_000,
      exit: (code) => void exits.push(code),
    });
    const inFlight = fetch(`${url}/slow`);
    await entered.promise;

    const stopping = shutdown('SIGTERM');
    await expect(fetch(`${url}/health/live`)).rejects.toThrow('fetch failed');
    expect(exits).toEqual([]);

    release.resolve();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await stopping;
    expect(exits).toEqual([0]);
  });
});
