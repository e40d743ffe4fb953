import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './config/app-config.js';
import { Clock, SystemClock } from './clock/clock.js';
import { HealthService } from './health/health.service.js';
import { PrismaService } from './prisma/prisma.service.js';
import { QueueModule } from './queue/queue.module.js';
import { SetAsideRepository } from './set-aside/set-aside.repository.js';
import { SetAsideService } from './set-aside/set-aside.service.js';

export interface CoreOptions {
  config: AppConfig;
  /** Tests pass a FixedClock. */
  clock?: Clock;
}

/** Process-wide infrastructure shared by the API, the worker and the CLI. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [QueueModule],
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        PrismaService,
        HealthService,
        SetAsideRepository,
        SetAsideService,
      ],
      exports: [AppConfig, Clock, PrismaService, HealthService, SetAsideService, QueueModule],
    };
  }
}
