import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@extapps/platform';
import { buildOpenApiDocument } from './openapi';

/** The OpenAPI document, public so tools can fetch it without a token. */
@Public()
@Controller('docs')
export class DocsController {
  private readonly document = buildOpenApiDocument();

  @Get()
  @Header('cache-control', 'no-cache')
  docs(): unknown {
    return this.document;
  }

  @Get('openapi.json')
  @Header('cache-control', 'no-cache')
  openApiJson(): unknown {
    return this.document;
  }
}
