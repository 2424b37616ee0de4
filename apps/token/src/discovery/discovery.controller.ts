import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ResourceCatalog } from '@extapps/contracts';
import { Public, SERVICE_CONFIG } from '@extapps/platform';
import { TokenConfig } from '../config';
import { JsonWebKeySet, SigningKeys } from '../keys/signing-keys';
import { TokenService } from '../token-endpoint/token.service';
import { RESOURCE_CATALOG } from '../tokens';
import { authorizationServerMetadata, AuthorizationServerMetadata } from './metadata';

/** Short enough that clients see a new key soon; #4's rotation keeps old keys published anyway. */
const CACHE_CONTROL = 'public, max-age=300';

/** Discovery documents and the public keys; open to everyone, as clients read them unauthenticated. */
@Public()
@Controller('.well-known')
export class DiscoveryController {
  private readonly metadata: AuthorizationServerMetadata;

  constructor(
    @Inject(SERVICE_CONFIG) config: TokenConfig,
    @Inject(RESOURCE_CATALOG) catalog: ResourceCatalog,
    private readonly keys: SigningKeys,
    tokens: TokenService,
  ) {
    this.metadata = authorizationServerMetadata(config.ISSUER, catalog, tokens.supportedGrantTypes);
  }

  @Get('oauth-authorization-server')
  @Header('cache-control', CACHE_CONTROL)
  authorizationServer(): AuthorizationServerMetadata {
    return this.metadata;
  }

  /** The same document: OpenID Connect clients look here first (RFC 8414 §5). */
  @Get('openid-configuration')
  @Header('cache-control', CACHE_CONTROL)
  openidConfiguration(): AuthorizationServerMetadata {
    return this.metadata;
  }

  @Get('jwks.json')
  @Header('cache-control', CACHE_CONTROL)
  jwks(): JsonWebKeySet {
    return this.keys.jwks;
  }
}
