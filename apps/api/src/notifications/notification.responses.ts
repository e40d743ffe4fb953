import { ApiProperty } from '@nestjs/swagger';

// Response shapes of the in-app notifications for the OpenAPI document (the web console's types are generated from it).

const str = { type: String, nullable: true } as const;

export class NotificationEscalationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ minimum: 0, maximum: 3 }) level!: number;
  @ApiProperty({ ...str, format: 'date-time', description: 'when anyone acknowledged it (null: still open)' }) acknowledgedAt!: string | null;
  @ApiProperty({ description: 'the caller acknowledged it' }) acknowledgedByMe!: boolean;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty(str) taskId!: string | null;
  @ApiProperty(str) escalationId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) level!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ ...str, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: NotificationEscalationDto, nullable: true, description: 'the escalation it is about, with its acknowledgement' })
  escalation!: NotificationEscalationDto | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
