import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ChangeContext, UserDirectory } from './user-directory';
import { UserView } from './user-view';
import {
  answer,
  Change,
  createUserSchema,
  CreateUserBody,
  encodeCursor,
  ListUsersQuery,
  listUsersSchema,
  passwordResetSchema,
  userIdParam,
  UserListResponse,
} from './users-http';

/** The organization user directory's admin API; every route needs a users scope. */
@Controller('v1/users')
export class UsersController {
  constructor(@Inject(UserDirectory) private readonly directory: UserDirectory) {}

  @Post()
  @HttpCode(201)
  @RequireScopes(AdminScopes.usersWrite)
  async create(
    @Body(new ZodValidationPipe(createUserSchema)) body: CreateUserBody,
    @Change() change: ChangeContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserView> {
    const user = answer(await this.directory.create(body, change));
    void reply.header('location', `/v1/users/${user.userId}`);
    return user;
  }

  @Get()
  @RequireScopes(AdminScopes.usersRead)
  async list(
    @Query(new ZodValidationPipe(listUsersSchema)) query: ListUsersQuery,
  ): Promise<UserListResponse> {
    const page = await this.directory.list(query.cursor ?? null, query.limit);
    return { items: page.items, nextCursor: page.next === null ? null : encodeCursor(page.next) };
  }

  @Get(':id')
  @RequireScopes(AdminScopes.usersRead)
  async get(@Param('id') id: string): Promise<UserView> {
    const user = await this.directory.get(userIdParam(id));
    return answer(user ? { ok: true, user } : notFound());
  }

  /** An admin's reset: the user's password becomes the one given (the response never has it). */
  @Post(':id/password')
  @HttpCode(200)
  @RequireScopes(AdminScopes.usersWrite)
  async resetPassword(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(passwordResetSchema)) body: z.output<typeof passwordResetSchema>,
    @Change() change: ChangeContext,
  ): Promise<UserView> {
    return answer(await this.directory.changePassword(userIdParam(id), body.password, change));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequireScopes(AdminScopes.usersWrite)
  async disable(@Param('id') id: string, @Change() change: ChangeContext): Promise<UserView> {
    return answer(await this.directory.disable(userIdParam(id), change));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequireScopes(AdminScopes.usersWrite)
  async enable(@Param('id') id: string, @Change() change: ChangeContext): Promise<UserView> {
    return answer(await this.directory.enable(userIdParam(id), change));
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequireScopes(AdminScopes.usersWrite)
  async unlock(@Param('id') id: string, @Change() change: ChangeContext): Promise<UserView> {
    return answer(await this.directory.unlock(userIdParam(id), change));
  }

  /** Final: the user stays listed as deleted and its username is never given again. */
  @Delete(':id')
  @HttpCode(200)
  @RequireScopes(AdminScopes.usersWrite)
  async remove(@Param('id') id: string, @Change() change: ChangeContext): Promise<UserView> {
    return answer(await this.directory.delete(userIdParam(id), change));
  }
}

const notFound = () =>
  ({ ok: false, error: { code: 'user-not-found', message: 'No user has this id.' } }) as const;
