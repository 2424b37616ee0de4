import { logLevel } from 'kafkajs';
import pino from 'pino';
import { Writable } from 'node:stream';
import { MessagingLogger } from '../logger';
import { kafkaLogCreator } from './kafka-logger';

function pinoLines(): {
  logger: MessagingLogger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

describe('kafkajs log routing', () => {
  it('writes kafkajs entries through the service logger at the same level', () => {
    const { logger, lines } = pinoLines();
    const log = kafkaLogCreator(logger)(logLevel.DEBUG);
    const entry = (level: logLevel, message: string) => ({
      namespace: 'Consumer',
      level,
      label: 'x',
      log: {
        timestamp: 'kafkajs time',
        logger: 'kafkajs',
        message,
        groupId: 'g',
      },
    });
    log(entry(logLevel.ERROR, 'crashed'));
    log(entry(logLevel.WARN, 'rebalancing'));
    log(entry(logLevel.INFO, 'joined'));
    log(entry(logLevel.DEBUG, 'fetching'));
    expect(
      lines.map(({ level, msg, kafkajs, groupId }) => ({
        level,
        msg,
        kafkajs,
        groupId,
      })),
    ).toEqual([
      { level: 50, msg: 'crashed', kafkajs: 'Consumer', groupId: 'g' },
      { level: 40, msg: 'rebalancing', kafkajs: 'Consumer', groupId: 'g' },
      { level: 30, msg: 'joined', kafkajs: 'Consumer', groupId: 'g' },
      { level: 20, msg: 'fetching', kafkajs: 'Consumer', groupId: 'g' },
    ]);
    expect(lines[0]).not.toHaveProperty('logger');
    expect(lines[0].time).not.toBe('kafkajs time');
  });
});
