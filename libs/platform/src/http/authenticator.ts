import type { FastifyRequest } from 'fastify';

/** Who is calling: an external app (client credentials) or a user, as later carried by a JWT. */
export interface Principal {
  readonly subject: string;
  readonly subjectType: 'app' | 'user';
  readonly scopes: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by an auth mechanism (a hook, or the guard through an Authenticator). */
    principal?: Principal;
  }
}

/**
 * The seam for authentication (e.g. JwtAuthenticator): returns the caller, or null when the request
 * carries no acceptable credentials (the guard answers 401). An implementation may instead throw
 * an HttpException to say more: a 401 challenge naming why a token was refused, or a 503 when the
 * credentials cannot be checked right now.
 */
export interface Authenticator {
  authenticate(request: FastifyRequest): Promise<Principal | null>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
