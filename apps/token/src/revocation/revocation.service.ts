import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { TOKEN_EVENT_SINK, TokenEventRecord, TokenEventSink } from '../events/token-event-sink';
import { GRANT_REVOCATIONS, GrantRevocations } from '../grant-store/grant-store';
import { RequestMeta } from '../grants/grant-handler';
import { AuthenticatedTokenCall, TokenCall, TokenCallReader } from '../introspection/token-call';
import { TokenFinder } from '../introspection/token-finder';
import { failure, Outcome, success } from '../token-endpoint/oauth-error';
import { decideRevocation, RevocationDecision } from './revocation.decider';
import { REVOKED_ACCESS_TOKENS, RevokedAccessTokens } from './revoked-access-tokens';

type Revoke = Exclude<RevocationDecision, { action: 'none' } | { action: 'refuse' }>;

/**
 * RFC 7009 revocation. Non-confidential apps take part with their client id alone (§2.1 asks
 * credentials of confidential clients only; a desktop app must be able to end its own grant).
 * The token is revoked first, then TokenRevoked is recorded, once: a second revocation of the
 * same token finds it revoked and records nothing.
 */
@Injectable()
export class RevocationService {
  constructor(
    private readonly reader: TokenCallReader,
    private readonly finder: TokenFinder,
    @Inject(REVOKED_ACCESS_TOKENS) private readonly accessTokens: RevokedAccessTokens,
    @Inject(GRANT_REVOCATIONS) private readonly grants: GrantRevocations,
    @Inject(TOKEN_EVENT_SINK) private readonly events: TokenEventSink,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async revoke(call: TokenCall): Promise<Outcome<null>> {
    try {
      const request = await this.reader.read(call, {
        endpoint: 'revocation',
        confidentialOnly: false,
      });
      if (!request.ok) return request;
      const { caller, token, hint, now } = request.value;
      const decision = decideRevocation(
        await this.finder.find(token, hint, now),
        caller.client.clientId,
      );
      switch (decision.action) {
        case 'none':
          return success(null);
        case 'refuse':
          this.logger.info(
            { clientId: caller.client.clientId },
            'revocation of a token of another client refused',
          );
          return { ok: false, error: decision.error };
        case 'revoke-access-token':
        case 'revoke-grant':
          await this.execute(decision, request.value, call.meta);
          return success(null);
        default: {
          const unexpected: never = decision;
          throw new Error(`unknown revocation decision ${JSON.stringify(unexpected)}`);
        }
      }
    } catch (err) {
      // Caveat: a revocation that landed before its event failed answers 503; a retry finds the
      // token revoked and records nothing, so that event is missing (the log has the failure).
      this.logger.error({ err }, 'revocation failed');
      return failure('temporarily_unavailable', 'Revocation is unavailable; retry shortly.');
    }
  }

  private async execute(
    decision: Revoke,
    call: AuthenticatedTokenCall,
    meta: RequestMeta,
  ): Promise<void> {
    const clientId = call.caller.client.clientId;
    const revoked = await this.revoked(decision, clientId, call.now);
    if (!revoked) return;
    const record: TokenEventRecord = {
      streamId: clientId,
      payload: { type: 'TokenRevoked', data: revoked },
    };
    const userAgent = meta.userAgent === undefined ? {} : { userAgent: meta.userAgent };
    await this.events.record([record], {
      actor: { type: 'app', id: clientId, ip: meta.ip, ...userAgent },
      correlationId: meta.correlationId,
      occurredAt: call.now,
    });
  }

  /** The TokenRevoked data when this request revoked the token, null when another got there first. */
  private async revoked(decision: Revoke, clientId: string, now: Date) {
    const reason = 'revocation-request' as const;
    switch (decision.action) {
      case 'revoke-access-token': {
        const { jti, exp, gid } = decision.claims;
        const expiresAt = new Date(exp * 1000);
        if (!(await this.accessTokens.revoke({ jti, clientId, expiresAt }, now))) return null;
        return { clientId, target: 'access_token' as const, jti, grantId: gid ?? null, reason };
      }
      case 'revoke-grant': {
        const { grantId } = decision;
        if (!(await this.grants.revokeGrant(grantId, reason, now))) return null;
        return { clientId, target: 'refresh_token' as const, jti: null, grantId, reason };
      }
      default: {
        const unexpected: never = decision;
        throw new Error(`unknown revocation ${JSON.stringify(unexpected)}`);
      }
    }
  }
}
