import { InMemoryBus } from '@extapps/messaging';
import { KafkaHealthIndicator } from './kafka.indicator';

describe('KafkaHealthIndicator', () => {
  it('is up when the bus answers its ping', async () => {
    const bus = new InMemoryBus();
    await expect(new KafkaHealthIndicator(bus, 1500).check()).resolves.toBe(undefined);
    await bus.close();
  });

  it('pings with its timeout and is down, naming it, when the bus gets no answer', async () => {
    const timeouts: number[] = [];
    const silent = { ping: async (ms: number) => (timeouts.push(ms), false) };
    await expect(new KafkaHealthIndicator(silent, 1500).check()).rejects.toThrow(
      'no broker answered within 1500 ms',
    );
    expect(timeouts).toEqual([1500]);
  });
});
