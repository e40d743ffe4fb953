import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALLOWED_TASK_ACTIONS } from '#libs/tasks';

// Response shapes of the task endpoints for the OpenAPI document (the web console's types are
// generated from it). They describe what the services return; nothing is validated against them.

const STATUSES = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED', 'DONE', 'CANCELLED'];
const POST_KINDS = ['CHIEF', 'DEPUTY', 'OFFICER'];
const str = { type: String, nullable: true } as const;
const instant = { type: String, format: 'date-time', nullable: true } as const;

class ChecklistItemDto {
  @ApiProperty() text!: string;
  @ApiProperty() done!: boolean;
}

class ExtensionRequestDto {
  @ApiProperty() id!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time', description: 'the requested due date (midnight UTC of the date)' }) newDueDate!: string;
  @ApiProperty({ enum: ['PENDING', 'APPROVED', 'REJECTED'] }) status!: string;
  @ApiProperty(str) decidedBy!: string | null;
  @ApiProperty(instant) decidedAt!: string | null;
  @ApiProperty(str) decisionNote!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class TaskEscalationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ minimum: 0, maximum: 3 }) level!: number;
  @ApiProperty() cycle!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() overdueWorkdays!: number;
  @ApiProperty(instant) acknowledgedAt!: string | null;
  @ApiProperty(str) acknowledgedBy!: string | null;
}

/** What a task's full record and its list row both carry: where it sits and who works it. */
class TaskPlacementDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['RECURRING', 'AD_HOC'] }) kind!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() postId!: string;
  @ApiProperty(str) assigneePersonId!: string | null;
  @ApiProperty(str) actingForPersonId!: string | null;
  @ApiProperty(str) workItemId!: string | null;
  @ApiProperty(str) scheduleId!: string | null;
}

class TaskDto extends TaskPlacementDto {
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ enum: POST_KINDS, isArray: true }) reviewSteps!: string[];
  @ApiProperty() reviewIndex!: number;
  @ApiProperty(str) assignedById!: string | null;
  @ApiProperty({ format: 'date-time' }) assignedOn!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty() lateIssued!: boolean;
  @ApiPropertyOptional({ type: Object, nullable: true, example: { kind: 'WORKDAYS_AFTER', days: 5 } }) deadlineRule!: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time', description: 'the due date (midnight UTC of the date)' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() deadlineProvisional!: boolean;
  @ApiProperty({ ...str, description: 'how the deadline was computed: rule, skipped holidays and weekends' }) deadlineExplanation!: string | null;
  @ApiProperty({ type: [ChecklistItemDto] }) checklist!: ChecklistItemDto[];
  @ApiProperty({ enum: ['FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES'], isArray: true }) requiredEvidence!: string[];
  @ApiProperty(str) returnReason!: string | null;
  @ApiProperty(str) cancelReason!: string | null;
  @ApiProperty(instant) acceptedAt!: string | null;
  @ApiProperty(instant) submittedAt!: string | null;
  @ApiProperty(instant) completedAt!: string | null;
  @ApiProperty({ description: 'highest escalation level reached in the current cycle (-1 none)' }) escalationLevel!: number;
  @ApiProperty() escalationCycle!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [ExtensionRequestDto] }) extensionRequests!: ExtensionRequestDto[];
  @ApiProperty({ type: [TaskEscalationDto] }) escalations!: TaskEscalationDto[];
}

export class HistoryEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'task.accepted' }) type!: string;
  @ApiProperty(str) actorUserId!: string | null;
  @ApiProperty(str) actorPersonId!: string | null;
  @ApiProperty(str) actingForPostId!: string | null;
  @ApiProperty({ example: '王磊', description: "the actor's name; 系统 for events no one performed" }) actorName!: string;
  @ApiProperty({ example: '签收', description: 'the event type in Chinese' }) label!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty() hash!: string;
}

export class TaskAttachmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() taskId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() mimeType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: '/api/tasks/…/attachments/…' }) downloadPath!: string;
}

export class TaskDetailDto {
  @ApiProperty({ type: TaskDto }) task!: TaskDto;
  @ApiProperty({ type: [HistoryEventDto] }) history!: HistoryEventDto[];
  @ApiProperty({ enum: [...ALLOWED_TASK_ACTIONS], isArray: true, description: 'what the caller may do now' }) allowedActions!: string[];
  @ApiProperty({ type: [TaskAttachmentDto], description: '交办附件, oldest first' }) attachments!: TaskAttachmentDto[];
}

class TaskSummaryDto extends TaskPlacementDto {
  @ApiProperty() title!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() deadlineProvisional!: boolean;
  @ApiProperty() lateIssued!: boolean;
  @ApiProperty() escalationLevel!: number;
  @ApiProperty({ enum: POST_KINDS, isArray: true }) reviewSteps!: string[];
  @ApiProperty() reviewIndex!: number;
  @ApiProperty(str) returnReason!: string | null;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskSummaryDto] }) items!: TaskSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
