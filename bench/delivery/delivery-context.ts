import 'reflect-metadata';
import { Logger, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, CoreModule, FixedClock, JobRunnerModule } from '#libs/core';
import { HistoryModule } from '#libs/history';
import { NotificationJobsModule } from '#libs/notifications';

/**
 * The worker's notification part only (dispatch + delivery processors on BullMQ, nodemailer,
 * libs/notifications): the same providers a worker process runs for e-mail, without the sweep and
 * the task generation, which would otherwise compete for the same two cores during the measurement.
 */
@Module({})
class DeliveryBenchModule {
  static forRoot(config: AppConfig, clock: FixedClock): DynamicModule {
    return {
      module: DeliveryBenchModule,
      imports: [CoreModule.forRoot({ config, clock }), JobRunnerModule, HistoryModule, NotificationJobsModule],
    };
  }
}

export async function bootDelivery(env: Record<string, string>, clock: FixedClock): Promise<INestApplicationContext> {
  const config = AppConfig.fromEnv(env);
  Logger.overrideLogger(['error', 'warn']);
  return NestFactory.createApplicationContext(DeliveryBenchModule.forRoot(config, clock), { logger: ['error', 'warn'] });
}
