import { DynamicModule, Module } from '@nestjs/common';
import { Clock } from '@extapps/contracts';
import { ServiceModule } from '@extapps/platform';
import { AdminAuthenticator } from './auth/admin-authenticator';
import { ClockModule } from './clock.module';
import { TamperEvidenceModule } from './chain/tamper-evidence.module';
import { AuditConfig } from './config';
import { DocsModule } from './docs/docs.module';
import { ExportModule } from './export/export.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { QueryModule } from './query/query.module';

/** What tests may replace; production uses the defaults. */
export interface AuditOverrides {
  readonly clock?: Clock;
}

/*
 * Feature modules: one line each in `features` below. CLOCK (tokens.ts) is global, as are
 * SERVICE_CONFIG, MONGO_CONNECTION and MESSAGE_BUS from ServiceModule.
 */
const features = [IngestionModule, TamperEvidenceModule, QueryModule, ExportModule];

@Module({})
export class AppModule {
  static forRoot(config: AuditConfig, overrides: AuditOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot(config, { authenticator: AdminAuthenticator }),
        ClockModule.forRoot(overrides.clock),
        ...features,
        DocsModule,
      ],
    };
  }
}
