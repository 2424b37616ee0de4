import { createServer } from 'node:net';
import { freePorts } from '../local/ports';
import { assertPortFree, serviceSpecs } from './services';

describe('serviceSpecs', () => {
  it('gives the four services their default ports', () => {
    expect(serviceSpecs({}).map((s) => [s.name, s.port])).toEqual([
      ['registration', 3001],
      ['token', 3002],
      ['permissions', 3003],
      ['audit', 3004],
    ]);
  });

  it('takes a port override per service', () => {
    expect(serviceSpecs({ TOKEN_PORT: '8002' }).find((s) => s.name === 'token')?.port).toBe(8002);
  });

  it('rejects a bad or duplicate port naming the setting', () => {
    expect(() => serviceSpecs({ AUDIT_PORT: 'http' })).toThrow(
      'AUDIT_PORT must be an integer 1-65535, got "http"',
    );
    expect(() => serviceSpecs({ AUDIT_PORT: '70000' })).toThrow('AUDIT_PORT');
    expect(() => serviceSpecs({ AUDIT_PORT: '3001' })).toThrow('service ports must differ');
  });
});

describe('assertPortFree', () => {
  it('names the setting to change when the port is taken', async () => {
    const [port] = await freePorts(1);
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, resolve));
    try {
      await expect(
        assertPortFree({ name: 'token', portSetting: 'TOKEN_PORT', port }),
      ).rejects.toThrow(
        `port ${port} for token is not free (EADDRINUSE); set TOKEN_PORT to another port`,
      );
    } finally {
      squatter.close();
    }
  });

  it('accepts a free port', async () => {
    const [port] = await freePorts(1);
    await expect(
      assertPortFree({ name: 'token', portSetting: 'TOKEN_PORT', port }),
    ).resolves.toBeUndefined();
  });
});
