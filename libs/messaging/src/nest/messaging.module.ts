import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import { KafkaBus } from '../kafka/kafka-bus';
import { KafkaBusOptions } from '../kafka/kafka-options';
import { MessageBus } from '../ports';

/** Injection token of the MessageBus; tests swap in an InMemoryBus with overrideProvider. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');

export interface MessagingModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  readonly useFactory: (...args: never[]) => KafkaBusOptions | Promise<KafkaBusOptions>;
}

/** Closes the bus when Nest shuts down: consumers drain and commit, then connections close. */
@Injectable()
class MessageBusShutdown implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: KafkaBusOptions): DynamicModule {
    return MessagingModule.create([
      { provide: MESSAGE_BUS, useFactory: () => new KafkaBus(options) },
    ]);
  }

  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    const provider: Provider = {
      provide: MESSAGE_BUS,
      inject: options.inject ?? [],
      useFactory: async (...args: never[]) => new KafkaBus(await options.useFactory(...args)),
    };
    return {
      ...MessagingModule.create([provider]),
      imports: options.imports ?? [],
    };
  }

  private static create(providers: Provider[]): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [...providers, MessageBusShutdown],
      exports: [MESSAGE_BUS],
    };
  }
}
