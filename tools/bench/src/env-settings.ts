/**
 * Reads a benchmark's BENCH_* settings from the environment, collecting every bad one so the run
 * stops once, naming them all, instead of at the first.
 */
export class EnvSettings {
  private readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  private raw(name: string): string | undefined {
    return this.env[name]?.trim() || undefined;
  }

  /** An integer in [min, max]; `_` separators allowed (1_000_000). */
  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw.replace(/_/g, ''));
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    return this.refuse(`${name} must be an integer from ${min} to ${max}, got "${raw}"`, fallback);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const found = allowed.find((a) => a === raw);
    return (
      found ?? this.refuse(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`, fallback)
    );
  }

  /** A comma-separated subset of `all`, kept in `all`'s order; absent: all of them. */
  subset<T extends string>(name: string, all: readonly T[]): readonly T[] {
    const raw = this.raw(name);
    if (raw === undefined) return all;
    const named = raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const unknown = named.filter((p) => !(all as readonly string[]).includes(p));
    if (unknown.length > 0 || named.length === 0)
      return this.refuse(`${name} must list some of ${all.join(',')}, got "${raw}"`, all);
    return all.filter((p) => named.includes(p));
  }

  /** True only for `1`. */
  flag(name: string): boolean {
    return this.raw(name) === '1';
  }

  /** Records `problem` unless `holds`. */
  require(holds: boolean, problem: string): void {
    if (!holds) this.problems.push(problem);
  }

  /** Throws, naming every bad setting, if there was one. */
  done(): void {
    if (this.problems.length > 0)
      throw new Error(`bad benchmark settings:\n  ${this.problems.join('\n  ')}`);
  }

  private refuse<T>(problem: string, fallback: T): T {
    this.problems.push(problem);
    return fallback;
  }
}
