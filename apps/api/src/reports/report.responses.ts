import { ApiProperty } from '@nestjs/swagger';

// Response shapes of the supervision views for the OpenAPI document (the web console's types are
// generated from it). They describe what the services return; nothing is validated against them.

const str = { type: String, nullable: true } as const;
const num = { type: Number, nullable: true } as const;

class IdName {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class IdTitle {
  @ApiProperty() id!: string;
  @ApiProperty(str) title!: string | null;
}

class InboxPost extends IdName {
  @ApiProperty() unitName!: string;
}

class LevelBadge {
  @ApiProperty({ minimum: 0, maximum: 3 }) level!: number;
  @ApiProperty({ example: '督办' }) name!: string;
  @ApiProperty({ example: '#dd6b20' }) colour!: string;
}

class ActingFor {
  @ApiProperty() personId!: string;
  @ApiProperty(str) name!: string | null;
}

export class InboxItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty(str) returnReason!: string | null;
  @ApiProperty({ type: InboxPost }) post!: InboxPost;
  @ApiProperty({ type: ActingFor, nullable: true, description: 'set for a post covered as AB backup' }) actingFor!: ActingFor | null;
  @ApiProperty({ type: IdTitle, nullable: true }) workItem!: IdTitle | null;
  @ApiProperty({ example: '2026-12-01' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() deadlineProvisional!: boolean;
  @ApiProperty({ ...num, description: 'working days to the due date (0 on the day); null once overdue' }) workdaysLeft!: number | null;
  @ApiProperty({ description: 'working days overdue; 0 when not overdue' }) overdueWorkdays!: number;
  @ApiProperty({ type: LevelBadge, nullable: true }) escalation!: LevelBadge | null;
}

export class AwaitingItemDto extends InboxItemDto {
  @ApiProperty({
    enum: ['REVIEW', 'EXTENSION'],
    isArray: true,
    description: "what waits for the caller: the task's current review step, its pending extension request, or both",
  })
  awaiting!: ('REVIEW' | 'EXTENSION')[];
}

class InboxCounts {
  @ApiProperty() overdue!: number;
  @ApiProperty() returned!: number;
  @ApiProperty() awaitingAcceptance!: number;
  @ApiProperty() dueToday!: number;
  @ApiProperty() dueThisWeek!: number;
  @ApiProperty() later!: number;
}

export class InboxDto {
  @ApiProperty({ example: '2026-11-26' }) today!: string;
  @ApiProperty({ type: InboxCounts }) counts!: InboxCounts;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [InboxItemDto] }) overdue!: InboxItemDto[];
  @ApiProperty({ type: [InboxItemDto] }) returned!: InboxItemDto[];
  @ApiProperty({ type: [InboxItemDto] }) awaitingAcceptance!: InboxItemDto[];
  @ApiProperty({ type: [InboxItemDto] }) dueToday!: InboxItemDto[];
  @ApiProperty({ type: [InboxItemDto] }) dueThisWeek!: InboxItemDto[];
  @ApiProperty({ type: [InboxItemDto] }) later!: InboxItemDto[];
  @ApiProperty({
    type: [AwaitingItemDto],
    description:
      "tasks whose current review step or pending extension request is the caller's to decide, apart from the groups (not in counts or total); never work the caller does themselves",
  })
  awaitingMyReview!: AwaitingItemDto[];
}

class BoardFigures {
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'due within 2 working days, not yet late' }) atRisk!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() overdueL1!: number;
  @ApiProperty() overdueL2!: number;
  @ApiProperty() overdueL3!: number;
  @ApiProperty() awaitingMyReview!: number;
  @ApiProperty() pendingExtensions!: number;
  @ApiProperty() unacknowledgedEscalations!: number;
}

class PostBoardRowDto extends BoardFigures {
  @ApiProperty() postId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty(str) holderName!: string | null;
}

class SupervisionDutyDto {
  @ApiProperty() workItemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() postName!: string;
  @ApiProperty() responsibilities!: string;
  @ApiProperty() activeSchedules!: number;
  @ApiProperty() dueSoFar!: number;
  @ApiProperty() doneSoFar!: number;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty(str) nextDue!: string | null;
  @ApiProperty({ description: 'no recurring task of the duty is late' }) upToDate!: boolean;
}

export class UnitBoardDto {
  @ApiProperty({ type: IdName }) unit!: IdName;
  @ApiProperty() today!: string;
  @ApiProperty() riskThrough!: string;
  @ApiProperty({ type: [PostBoardRowDto] }) posts!: PostBoardRowDto[];
  @ApiProperty({ type: BoardFigures }) totals!: BoardFigures;
  @ApiProperty({ type: [SupervisionDutyDto] }) supervisionDuties!: SupervisionDutyDto[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: "ids of the unit's tasks whose current review step is the caller's, soonest due first; a step of work the reviewer does themselves goes one level up (separation of duties)",
  })
  reviewQueue!: string[];
}

class PeriodDto {
  @ApiProperty() from!: string;
  @ApiProperty({ description: 'inclusive' }) to!: string;
}

class TrendDto {
  @ApiProperty() current!: number;
  @ApiProperty() previous!: number;
  @ApiProperty() delta!: number;
  @ApiProperty(num) changePct!: number | null;
  @ApiProperty({ enum: ['up', 'down', 'flat'] }) direction!: 'up' | 'down' | 'flat';
}

class GroupFigureDto {
  @ApiProperty(str) key!: string | null;
  @ApiProperty(str) label!: string | null;
  @ApiProperty() escalations!: number;
  @ApiProperty() tasks!: number;
  @ApiProperty() level2!: number;
  @ApiProperty() level3!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty({ type: TrendDto }) trend!: TrendDto;
}

class EscalationReportItemDto {
  @ApiProperty() escalationId!: string;
  @ApiProperty() level!: number;
  @ApiProperty() levelName!: string;
  @ApiProperty() colour!: string;
  @ApiProperty({ format: 'date-time' }) reachedAt!: string;
  @ApiProperty() acknowledged!: boolean;
  @ApiProperty({ ...str, format: 'date-time' }) acknowledgedAt!: string | null;
  @ApiProperty() taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: IdName }) post!: IdName;
  @ApiProperty({ type: IdName, nullable: true, description: 'who held the post when the level fell due' }) person!: IdName | null;
  @ApiProperty({ type: IdTitle, nullable: true }) workItem!: IdTitle | null;
  @ApiProperty() dueDate!: string;
  @ApiProperty() overdueWorkdays!: number;
  @ApiProperty() status!: string;
  @ApiProperty() statusName!: string;
  @ApiProperty({ ...str, format: 'date-time' }) completedAt!: string | null;
}

export class EscalationReportDto {
  @ApiProperty({ type: IdName }) unit!: IdName;
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: PeriodDto }) previousPeriod!: PeriodDto;
  @ApiProperty({ type: GroupFigureDto }) totals!: GroupFigureDto;
  @ApiProperty({ type: [GroupFigureDto] }) byPost!: GroupFigureDto[];
  @ApiProperty({ type: [GroupFigureDto] }) byPerson!: GroupFigureDto[];
  @ApiProperty({ type: [GroupFigureDto] }) byWorkItem!: GroupFigureDto[];
  @ApiProperty({ type: [GroupFigureDto] }) byLevel!: GroupFigureDto[];
  @ApiProperty({ type: [EscalationReportItemDto] }) items!: EscalationReportItemDto[];
}
