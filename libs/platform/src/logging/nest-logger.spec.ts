import { captureLogs } from '../testing/log-capture';
import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';

describe('PinoNestLogger', () => {
  const setup = () => {
    const logs = captureLogs();
    const nest = new PinoNestLogger(
      createLogger({
        service: 'svc',
        level: 'trace',
        destination: logs.destination,
      }),
    );
    return { logs, nest };
  };

  it('writes Nest messages as JSON lines with level label, service, time and context', () => {
    const { logs, nest } = setup();
    nest.log('Mapped {/health, GET} route', 'RouterExplorer');
    nest.verbose('detail', 'Ctx');
    expect(logs.lines()).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        service: 'svc',
        context: 'RouterExplorer',
        msg: 'Mapped {/health, GET} route',
      },
      {
        level: 'trace',
        time: expect.any(String),
        service: 'svc',
        context: 'Ctx',
        msg: 'detail',
      },
    ]);
  });

  it('keeps the stack Nest passes to error() apart from the context', () => {
    const { logs, nest } = setup();
    const stack = 'Error: boom\n    at Object.<anonymous> (x.ts:1:1)';
    nest.error('boom', stack, 'ExceptionHandler');
    expect(logs.lines()[0]).toMatchObject({
      level: 'error',
      msg: 'boom',
      stack,
      context: 'ExceptionHandler',
    });
  });

  it('serializes Error messages and merges object messages', () => {
    const { logs, nest } = setup();
    nest.error(new Error('bad'));
    nest.warn({ msg: 'structured', port: 1 });
    expect(logs.lines()[0]).toMatchObject({
      level: 'error',
      msg: 'bad',
      err: { message: 'bad', type: 'Error' },
    });
    expect(logs.lines()[1]).toMatchObject({
      level: 'warn',
      msg: 'structured',
      port: 1,
    });
  });

  it('redacts secrets that slip into a logged object', () => {
    const { logs, nest } = setup();
    nest.log({
      msg: 'client',
      headers: { authorization: 'Bearer x' },
      secret: 's3cr3t',
    });
    expect(JSON.stringify(logs.lines()[0])).not.toMatch(/Bearer x|s3cr3t/);
  });
});
