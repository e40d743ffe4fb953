import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { JobDriver, JobProcessor, type HandlesJobs } from '#libs/core';
import { NotificationsModule } from '#libs/notifications';
import { TasksModule } from '#libs/tasks';
import { BureauLeaderService } from './bureau-leader.service.js';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { EscalationPolicyService } from './escalation-policy.service.js';
import { EscalationRepository } from './escalation.repository.js';
import { EscalationService } from './escalation.service.js';
import { PolicyAdminService } from './policy-admin.service.js';
import { SweepService } from './sweep.service.js';
import { TaskEscalationsRepository } from './task-escalations.repository.js';
import { TaskEscalationsService } from './task-escalations.service.js';

export const ESCALATION_QUEUE = 'escalation';
const SWEEP_EVERY_MS = 60_000;

@Module({
  imports: [AccessModule, CalendarModule, TasksModule, NotificationsModule],
  providers: [
    EscalationRepository,
    EscalationPolicyRepository,
    EscalationPolicyService,
    SweepService,
    EscalationService,
    PolicyAdminService,
    BureauLeaderService,
    TaskEscalationsRepository,
    TaskEscalationsService,
  ],
  exports: [SweepService, EscalationService, EscalationPolicyService, PolicyAdminService, BureauLeaderService, TaskEscalationsService],
})
export class EscalationModule {}

/** Thin: a sweep job runs one sweep; overlapping runs are safe (SKIP LOCKED, unique levels). */
@Injectable()
@JobProcessor({ queue: ESCALATION_QUEUE })
export class SweepProcessor implements HandlesJobs {
  constructor(private readonly sweeper: SweepService) {}

  async handle(): Promise<void> {
    await this.sweeper.sweep();
  }
}

/** One job scheduler for all workers (upserted by id), so the sweep runs once a minute overall. */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap {
  constructor(private readonly driver: JobDriver) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.driver.repeat(ESCALATION_QUEUE, 'escalation-sweep', SWEEP_EVERY_MS, { name: 'sweep', data: {} });
    new Logger('EscalationSweep').log(`sweep scheduled every ${SWEEP_EVERY_MS / 1000} s`);
  }
}

/** Imported only where jobs run (the worker, the embedded default). */
@Module({ imports: [EscalationModule], providers: [SweepProcessor, SweepScheduler] })
export class EscalationJobsModule {}
