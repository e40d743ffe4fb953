import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JobDriver } from './job-driver.js';
import { JOB_PROCESSOR, type HandlesJobs, type JobProcessorOptions } from './job-processor.decorator.js';

/**
 * Present only in processes that consume jobs (the worker, the embedded default): finds every
 * @JobProcessor provider and attaches it to the driver.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('JobRunner');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly driver: JobDriver,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as HandlesJobs | undefined;
      if (!instance || !wrapper.metatype) continue;
      const options = this.reflector.get<JobProcessorOptions | undefined>(JOB_PROCESSOR, wrapper.metatype as never);
      if (!options) continue;
      await this.driver.process(options.queue, (job) => instance.handle(job), options.concurrency);
      this.logger.log(`consuming queue "${options.queue}" with ${instance.constructor.name}`);
    }
  }
}
