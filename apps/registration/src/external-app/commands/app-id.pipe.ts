import { HttpStatus, PipeTransform } from '@nestjs/common';
import { appIdSchema, secretIdSchema } from '@extapps/contracts';
import { AppProblem } from './problems';

/** An id no app can have is answered like an unknown one, without touching the store. */
export class AppIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (appIdSchema.safeParse(value).success) return value;
    throw new AppProblem(HttpStatus.NOT_FOUND, 'app-not-found', 'no such app');
  }
}

/** Same for a secret id; the decider answers unknown well-formed ones (secret-not-found). */
export class SecretIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (secretIdSchema.safeParse(value).success) return value;
    throw new AppProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'secret-not-found', 'no such secret', {
      errors: [{ field: 'secretId', message: 'the app has no such secret' }],
    });
  }
}
