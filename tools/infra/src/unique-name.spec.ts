import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('keeps a readable prefix and appends a random suffix', () => {
    expect(uniqueName('orders')).toMatch(/^orders-[a-z0-9]{12}$/);
  });

  it('never repeats within a run', () => {
    const names = new Set(Array.from({ length: 2000 }, () => uniqueName('t')));
    expect(names.size).toBe(2000);
  });

  it('is lowercase, uses only characters valid in topic and database names, and fits 38 bytes', () => {
    const name = uniqueName('Registration Consumer.Group_DLQ / with a very long description');
    expect(name).toMatch(/^[a-z0-9-]+$/);
    expect(name.startsWith('registration-consumer-gr')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(37);
  });

  it('still yields a valid name from an empty or symbol-only prefix', () => {
    expect(uniqueName('')).toMatch(/^t-[a-z0-9]{12}$/);
    expect(uniqueName('$$$')).toMatch(/^t-[a-z0-9]{12}$/);
  });
});
