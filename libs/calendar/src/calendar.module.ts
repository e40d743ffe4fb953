import { Module, type OnModuleInit } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { HealthService } from '#libs/core';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';
import { DateWindowService } from './date-window.service.js';

@Module({
  imports: [AccessModule],
  providers: [CalendarRepository, CalendarService, DateWindowService],
  exports: [CalendarService, DateWindowService],
})
export class CalendarModule implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly calendar: CalendarService,
  ) {}

  /** Health depends on no feature module; the calendar announces its own missing-year alarm. */
  onModuleInit(): void {
    this.health.registerWarningSource(() => this.calendar.missingYearWarnings());
  }
}
