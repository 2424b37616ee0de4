import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

export interface ResponseDoc {
  readonly description: string;
  /** application/json body; problem responses use the shared Problem schema instead. */
  readonly body?: z.ZodType;
  /** Response headers this status sets, by name → description. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HeaderDoc {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

/** One served route as the OpenAPI document describes it. */
export interface RouteDoc {
  readonly method: HttpMethod;
  /** OpenAPI form: `/v1/tenants/{tenantId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** One of the tags `openapi.ts` lists. */
  readonly tag: string;
  /** Scopes the bearer token must carry. */
  readonly scopes: readonly string[];
  readonly pathParams?: Readonly<Record<string, string>>;
  /** A zod object of query parameters (unknown ones are refused). */
  readonly query?: z.ZodObject;
  readonly headers?: readonly HeaderDoc[];
  readonly body?: z.ZodType;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  /** Problem statuses besides the ones every protected route may answer (400, 401, 403). */
  readonly problems: readonly number[];
}
