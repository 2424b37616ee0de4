import {
  ConflictException,
  createParamDecorator,
  ExecutionContext,
  NotFoundException,
} from '@nestjs/common';
import { userIdSchema } from '@extapps/contracts';
import { ValidationFailedException } from '@extapps/platform';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ChangeContext, DirectoryError, DirectoryOutcome } from './user-directory';
import { UserView } from './user-view';

// Shapes only: the directory's own rules (username format, password strength) name the field.
export const createUserSchema = z
  .object({
    username: z.string().max(200),
    displayName: z.string().max(400),
    password: z.string().max(4096),
  })
  .strict();
export type CreateUserBody = z.output<typeof createUserSchema>;

export const passwordResetSchema = z.object({ password: z.string().max(4096) }).strict();

/** Opaque to clients: base64url of the last user id of the page. */
const cursor = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor this endpoint issued')
  .transform((raw) => Buffer.from(raw, 'base64url').toString('utf8'))
  .pipe(userIdSchema);

export const listUsersSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: cursor.optional(),
  })
  .strict();
export type ListUsersQuery = z.output<typeof listUsersSchema>;

export const encodeCursor = (userId: string) => Buffer.from(userId, 'utf8').toString('base64url');

export interface UserListResponse {
  readonly items: readonly UserView[];
  readonly nextCursor: string | null;
}

/** A user id route parameter; one no user could have is simply not found. */
export function userIdParam(raw: string): string {
  if (!userIdSchema.safeParse(raw).success) throw notFound();
  return raw;
}

const notFound = () => new NotFoundException('No user has this id.');

/** The user, or the refusal as problem+json (the platform filter renders it). */
export function answer(outcome: DirectoryOutcome): UserView {
  if (outcome.ok) return outcome.user;
  throw refusal(outcome.error);
}

function refusal(error: DirectoryError): Error {
  switch (error.code) {
    case 'user-not-found':
      return notFound();
    case 'invalid-user':
      return new ValidationFailedException(error.problems ?? [], error.message);
    case 'username-taken':
    case 'user-exists':
    case 'user-deleted':
    case 'user-not-active':
    case 'concurrent-modification':
      return new ConflictException(error.message);
    default: {
      const unhandled: never = error.code;
      throw new Error(`unhandled directory error ${String(unhandled)}`);
    }
  }
}

/** The admin who asks, as the guard authenticated it, and the request's correlation id. */
export const Change = createParamDecorator(
  (_: unknown, context: ExecutionContext): ChangeContext => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = request.principal;
    if (!principal) throw new Error('a users route ran without an authenticated principal');
    const userAgent = request.headers['user-agent']?.slice(0, 512);
    return {
      actor: {
        type: principal.subjectType,
        id: principal.subject,
        ip: request.ip.slice(0, 64),
        ...(userAgent ? { userAgent } : {}),
      },
      correlationId: request.id,
    };
  },
);
