import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { Actor } from '#libs/auth';
import { contentDisposition } from '#libs/evidence';
import { BoardService, CoverageService, EscalationReportService, FulfilmentService, InboxService, parseExportFormat, ReportExportService, type ExportFile } from '#libs/reports';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { EscalationReportDto, InboxDto, UnitBoardDto } from './report.responses.js';
import { IsAcceptedDate } from '../http/accepted-date.js';

const EXPORTABLE = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: string;
}

export class UnitPeriodQuery {
  @ApiProperty() @IsUUID() unitId!: string;
  @ApiProperty({ example: '2026-11-01' }) @IsAcceptedDate() from!: string;
  @ApiProperty({ example: '2026-11-30', description: 'inclusive' }) @IsAcceptedDate() to!: string;
}

/** A unit report over a period, as JSON or exported (`format=csv|xlsx`). */
export class UnitReportQuery extends UnitPeriodQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: string;
}

const asFile = (file: ExportFile) => new StreamableFile(file.content, { type: file.mimeType, disposition: contentDisposition(file.fileName), length: file.content.length });

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportController {
  constructor(
    private readonly inbox: InboxService,
    private readonly board: BoardService,
    private readonly escalations: EscalationReportService,
    private readonly exports: ReportExportService,
    private readonly fulfilment: FulfilmentService,
    private readonly coverage: CoverageService,
  ) {}

  @Get('inbox')
  @ApiProduces(...EXPORTABLE)
  @ApiOperation({ summary: "The caller's open tasks (own posts and AB-covered ones), grouped by urgency" })
  @ApiOkResponse({ type: InboxDto, description: 'JSON; CSV or XLSX with ?format=' })
  async myInbox(@CurrentActor() actor: Actor, @Query() q: ExportQuery) {
    const inbox = await this.inbox.inboxOf(actor);
    if (!q.format || q.format === 'json') return inbox;
    return asFile(await this.exports.inbox(inbox, parseExportFormat(q.format)));
  }

  @Get('units/:id/board')
  @ApiProduces(...EXPORTABLE)
  @ApiOperation({ summary: "Supervision board of a unit per post, plus the caller's own supervision duties (exports: the posts and a total row)" })
  @ApiOkResponse({ type: UnitBoardDto, description: 'JSON; CSV or XLSX with ?format=' })
  async unitBoard(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: ExportQuery) {
    const board = await this.board.boardOf(actor, id);
    if (!q.format || q.format === 'json') return board;
    return asFile(await this.exports.board(board, parseExportFormat(q.format)));
  }

  @Get('reports/escalations')
  @ApiProduces(...EXPORTABLE)
  @ApiOperation({ summary: '催办/督办 (L2/L3) in a period, by post, holder then, work item and level, with trend (chief)' })
  @ApiOkResponse({ type: EscalationReportDto, description: 'JSON; CSV or XLSX with ?format=' })
  async escalationReport(@CurrentActor() actor: Actor, @Query() q: UnitReportQuery) {
    const report = await this.escalations.report(actor, q.unitId, q.from, q.to);
    if (!q.format || q.format === 'json') return report;
    return asFile(await this.exports.escalationReport(report, parseExportFormat(q.format)));
  }

  @Get('reports/fulfilment')
  @ApiProduces(...EXPORTABLE)
  @ApiOperation({ summary: '履职情况: tasks due in the period per post, holder then and work item (chief)' })
  async fulfilmentReport(@CurrentActor() actor: Actor, @Query() q: UnitReportQuery) {
    const report = await this.fulfilment.report(actor, q.unitId, q.from, q.to);
    if (!q.format || q.format === 'json') return report;
    return asFile(await this.exports.fulfilmentReport(report, parseExportFormat(q.format)));
  }

  @Get('reports/coverage')
  @ApiProduces(...EXPORTABLE)
  @ApiOperation({ summary: '履职覆盖: work items and responsibilities with or without tasks and evidence in the period (chief)' })
  async coverageReport(@CurrentActor() actor: Actor, @Query() q: UnitReportQuery) {
    const report = await this.coverage.report(actor, q.unitId, q.from, q.to);
    if (!q.format || q.format === 'json') return report;
    return asFile(await this.exports.coverageReport(report, parseExportFormat(q.format)));
  }
}
