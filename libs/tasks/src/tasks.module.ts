import { Module } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { AbsenceService } from './assignment/absence.service.js';
import { AssignmentRepository } from './assignment/assignment.repository.js';
import { RoutingService } from './assignment/routing.service.js';
import { DeadlineRecomputeService } from './deadline/deadline-recompute.service.js';
import { DeadlineService } from './deadline/deadline.service.js';
import { ScheduleRepository } from './schedule/schedule.repository.js';
import { SchedulePreviewService } from './schedule/schedule-preview.service.js';
import { ScheduleService } from './schedule/schedule.service.js';
import { TaskGenerationService } from './schedule/task-generation.service.js';
import { ExtensionRepository } from './task/extension.repository.js';
import { ExtensionService } from './task/extension.service.js';
import { TaskLifecycleService } from './task/task-lifecycle.service.js';
import { TaskRepository } from './task/task.repository.js';
import { TaskService } from './task/task.service.js';

@Module({
  imports: [AccessModule, CalendarModule],
  providers: [
    TaskRepository,
    ExtensionRepository,
    AssignmentRepository,
    TaskService,
    TaskLifecycleService,
    ExtensionService,
    RoutingService,
    AbsenceService,
    DeadlineService,
    DeadlineRecomputeService,
    ScheduleRepository,
    ScheduleService,
    SchedulePreviewService,
    TaskGenerationService,
  ],
  exports: [ScheduleService, SchedulePreviewService, TaskGenerationService, TaskService, TaskLifecycleService, ExtensionService, RoutingService, AbsenceService, DeadlineService, TaskRepository],
})
export class TasksModule {}
