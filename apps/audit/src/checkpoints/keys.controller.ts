import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@extapps/platform';
import { KEYRING } from '../chain/tamper-evidence.tokens';
import { Keyring } from './keyring';
import { PublicJwk } from './signing-key';

/**
 * GET /v1/audit/keys: the JWKS of the checkpoint keys. Public on purpose: public keys are no
 * secret, and an auditor must be able to check checkpoints (compact JWS) without an admin token,
 * with any JOSE library. What the keys are trusted for is decided out of band (pin the kid).
 */
@Controller('v1/audit')
export class KeysController {
  constructor(@Inject(KEYRING) private readonly keyring: Keyring) {}

  @Public()
  @Get('keys')
  @Header('Cache-Control', 'public, max-age=300')
  keys(): { keys: PublicJwk[] } {
    return this.keyring.jwks();
  }
}
