import { ApiProperty } from '@nestjs/swagger';

// Response shape of the set-aside rows for the OpenAPI document (the web console's types are generated from it).

export class SetAsideRowDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: ['ESCALATION_SWEEP', 'TASK_GENERATION', 'OUTBOX_DISPATCH', 'OUTBOX_DELIVERY'],
    description: 'the batch that failed on the row: escalation sweep (a task), task generation (a schedule), notification dispatch or delivery (an outbox row)',
  })
  kind!: string;
  @ApiProperty({ description: 'the id of the task, schedule or outbox row' }) refId!: string;
  @ApiProperty({ example: 'OUTBOX_MESSAGE_INVALID' }) errorCode!: string;
  @ApiProperty({ example: '通知内容无效：截止日期无效：0001-01-01' }) errorMessage!: string;
  @ApiProperty({ description: 'failures in a row' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) firstFailedAt!: string;
  @ApiProperty({ format: 'date-time' }) lastFailedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'not tried again before this time (1, 2, 4 … minutes, at most an hour)' }) retryAfter!: string;
}
