import { levelOf } from './service';

describe('levelOf', () => {
  it('reads the level of a service log line, as a label or a number', () => {
    expect(levelOf('  [audit] {"level":"info","msg":"request completed"}')).toBe(30);
    expect(levelOf('  [audit] {"level":"warn","msg":"x"}')).toBe(40);
    expect(levelOf('{"level":50,"msg":"x"}')).toBe(50);
  });

  it('treats a line that is no log entry as an error, so it is printed', () => {
    expect(levelOf('  [audit] TypeError: boom')).toBe(60);
  });
});
