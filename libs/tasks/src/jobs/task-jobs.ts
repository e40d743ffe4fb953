import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { JobDriver, JobProcessor, type HandlesJobs, type JobContext } from '#libs/core';
import { RoutingService } from '../assignment/routing.service.js';
import { TaskGenerationService } from '../schedule/task-generation.service.js';
import { TasksModule } from '../tasks.module.js';

export const TASKS_QUEUE = 'tasks';
const GENERATE_EVERY_MS = 15 * 60_000;
const REROUTE_EVERY_MS = 60 * 60_000;

/** Thin: each job calls one service; the services are safe to run repeatedly and concurrently. */
@Injectable()
@JobProcessor({ queue: TASKS_QUEUE })
export class TaskJobsProcessor implements HandlesJobs {
  constructor(
    private readonly generation: TaskGenerationService,
    private readonly routing: RoutingService,
  ) {}

  async handle(job: JobContext): Promise<void> {
    if (job.name === 'generate') await this.generation.generate();
    else if (job.name === 'reroute-absences') await this.routing.rerouteAbsenceBoundaries();
  }
}

/** Registers the periodic jobs (idempotently) and catches up once at start, e.g. after downtime. */
@Injectable()
export class TaskJobsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('TaskJobs');

  constructor(private readonly driver: JobDriver) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.driver.repeat(TASKS_QUEUE, 'generate-tasks', GENERATE_EVERY_MS, { name: 'generate', data: {} });
    await this.driver.repeat(TASKS_QUEUE, 'reroute-absences', REROUTE_EVERY_MS, { name: 'reroute-absences', data: {} });
    await this.driver.enqueue(TASKS_QUEUE, { name: 'generate', data: {}, opts: { jobId: 'generate-at-start' } });
    this.logger.log('task generation scheduled');
  }
}

/** Imported only by processes that run jobs (the worker, the embedded default). */
@Module({ imports: [TasksModule], providers: [TaskJobsProcessor, TaskJobsScheduler] })
export class TaskJobsModule {}
