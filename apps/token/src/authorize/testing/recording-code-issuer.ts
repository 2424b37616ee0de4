import { randomBytes } from 'node:crypto';
import { AuthorizationCodeIssuer, AuthorizationRequestApproval } from '../authorization-codes';

/** Unit tests: hands out random codes and keeps what each was issued for. */
export class RecordingCodeIssuer implements AuthorizationCodeIssuer {
  readonly issued: { code: string; approval: AuthorizationRequestApproval; now: Date }[] = [];

  issue(approval: AuthorizationRequestApproval, now: Date): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    this.issued.push({ code, approval, now });
    return Promise.resolve(code);
  }
}
