import { DynamicModule } from '@nestjs/common';
import { z } from 'zod';
import { BaseConfig } from '../config/base-config';

/** One service: what main.ts boots and what its e2e suite starts in-process. */
export interface ServiceDefinition<S extends z.ZodType<BaseConfig> = z.ZodType<BaseConfig>> {
  readonly name: string;
  readonly configSchema: S;
  /** The service's root module, given its validated config. */
  readonly appModule: (config: z.output<S>) => DynamicModule;
}

/** Identity, there to infer the config type from the schema for `appModule`. */
export function defineService<S extends z.ZodType<BaseConfig>>(
  definition: ServiceDefinition<S>,
): ServiceDefinition<S> {
  return definition;
}
