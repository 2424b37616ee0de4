import { z } from 'zod';

export interface ResponseDoc {
  readonly description: string;
  /** application/json body; problem responses use the shared Problem schema instead. */
  readonly body?: z.ZodType;
  /** A body in other media types (e.g. a CSV file), by type → description. */
  readonly files?: Readonly<Record<string, string>>;
  /** Response headers this status sets, by name → description. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One served route as the OpenAPI document describes it. */
export interface RouteDoc {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/v1/audit/records/{eventId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** One of the document's tags (openapi.ts). */
  readonly tag: string;
  /** Scopes the bearer token must carry; empty for a public route. */
  readonly scopes: readonly string[];
  readonly pathParams?: Readonly<Record<string, string>>;
  /** A zod object of query parameters (unknown ones are refused). */
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  /** Problem statuses besides the ones every protected route may answer (400, 401, 403). */
  readonly problems: readonly number[];
}
