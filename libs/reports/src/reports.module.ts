import { Module } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { TasksModule } from '#libs/tasks';
import { BoardRepository } from './board/board.repository.js';
import { BoardService } from './board/board.service.js';
import { CalendarFeedRepository } from './calendar-feed/calendar-feed.repository.js';
import { CalendarFeedService } from './calendar-feed/calendar-feed.service.js';
import { CoverageRepository } from './coverage/coverage.repository.js';
import { CoverageService } from './coverage/coverage.service.js';
import { EscalationReportRepository } from './escalation-report/escalation-report.repository.js';
import { EscalationReportService } from './escalation-report/escalation-report.service.js';
import { ReportExportService } from './export/report-export.service.js';
import { FulfilmentRepository } from './fulfilment/fulfilment.repository.js';
import { FulfilmentService } from './fulfilment/fulfilment.service.js';
import { InboxRepository } from './inbox/inbox.repository.js';
import { InboxService } from './inbox/inbox.service.js';
import { UnitReportScope } from './report-scope.service.js';

/** Read-only views over tasks and escalations: inbox, supervision board, chief reports, exports, the deadline feed. */
@Module({
  imports: [AccessModule, CalendarModule, TasksModule],
  providers: [
    UnitReportScope,
    InboxRepository,
    InboxService,
    BoardRepository,
    BoardService,
    EscalationReportRepository,
    EscalationReportService,
    FulfilmentRepository,
    FulfilmentService,
    CoverageRepository,
    CoverageService,
    ReportExportService,
    CalendarFeedRepository,
    CalendarFeedService,
  ],
  exports: [InboxService, BoardService, EscalationReportService, ReportExportService, FulfilmentService, CoverageService, CalendarFeedService],
})
export class ReportsModule {}
