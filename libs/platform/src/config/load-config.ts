import { z } from 'zod';
import { ConfigError, ConfigIssue } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment with `schema` and returns the typed config, or throws one ConfigError
 * listing every problem at once so an operator fixes the environment in a single round trip.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  const result = schema.safeParse(env, {
    // Zod's default for an absent key ("expected string, received undefined") reads like a bug report.
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined,
  });
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map(toConfigIssue));
}

function toConfigIssue(issue: z.core.$ZodIssue): ConfigIssue {
  return {
    setting: issue.path.map(String).join('.') || '(root)',
    reason: issue.message,
  };
}
