export interface ConfigIssue {
  readonly setting: string;
  readonly reason: string;
}

/** A start-up failure caused by the environment: the message names every bad setting and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      ['Invalid configuration:', ...issues.map((i) => `  - ${i.setting}: ${i.reason}`)].join('\n'),
    );
  }
}
