import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsAcceptedDate } from '../http/accepted-date.js';


export class ScheduleBody {
  @ApiProperty({ example: '月度统计报表报送' }) @IsString() @MinLength(1) @MaxLength(200) title!: string;

  @ApiProperty({
    description: "{ kind: 'RRULE', rrule } | { kind: 'NTH_WORKDAY_OF_MONTH', n, months? } | { kind: 'LAST_WORKDAY_OF', period }",
    example: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 },
  })
  @IsObject()
  recurrence!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'deadline rule anchored at each occurrence; default: due that day', example: { kind: 'WORKDAYS_AFTER', days: 0 } })
  @IsOptional()
  @IsObject()
  deadlineRule?: Record<string, unknown>;

  @ApiPropertyOptional({ default: 3, description: 'issue this many working days before the deadline' })
  @IsOptional() @IsInt() @Min(0) @Max(60) leadWorkdays?: number;

  @ApiProperty({ example: '2026-01-01' }) @IsAcceptedDate() startDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsAcceptedDate() endDate?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) checklist?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() checklistFromResponsibilities?: boolean;
  @ApiPropertyOptional({ enum: ['FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES'], isArray: true })
  @IsOptional() @IsIn(['FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES'], { each: true }) requiredEvidence?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

/** A schedule form being filled in: the same fields, the title not yet required. */
export class SchedulePreviewBody extends OmitType(ScheduleBody, ['title'] as const) {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
}

export class SchedulePreviewQuery {
  @ApiPropertyOptional({ default: 5, minimum: 1, maximum: 20, description: 'how many next occurrences' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20) count?: number;
}

export class ScheduleRemoveBody {
  @ApiPropertyOptional({ example: '该项工作已并入季度考核' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

// Answers, described so the web console's types are generated rather than copied.
const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

export class ScheduleOccurrenceDto {
  @ApiProperty({ example: '2026-12-07' }) occurrenceDate!: string;
  @ApiProperty({ example: '2026-12-02' }) issueDate!: string;
  @ApiProperty({ example: '2026-12-07' }) dueDate!: string;
}

export class PreviewOccurrenceDto extends ScheduleOccurrenceDto {
  @ApiProperty({ description: 'the deadline depends on a year without a loaded holiday schedule (Mon–Fri guess)' }) provisional!: boolean;
}

export class SchedulePreviewDto {
  @ApiProperty({ example: '每月第5个工作日，当日截止，提前3个工作日下达' }) description!: string;
  @ApiProperty({ example: '每月第5个工作日' }) recurrenceText!: string;
  @ApiProperty({ example: '当日截止' }) deadlineText!: string;
  @ApiProperty({ example: '提前3个工作日下达' }) leadText!: string;
  @ApiProperty({ type: [PreviewOccurrenceDto] }) occurrences!: PreviewOccurrenceDto[];
}

export class ScheduleViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() workItemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ ...JSON_OBJECT, description: 'as in ScheduleBody' }) recurrence!: Record<string, unknown>;
  @ApiProperty() recurrenceText!: string;
  @ApiProperty({ ...JSON_OBJECT, nullable: true }) deadlineRule!: Record<string, unknown> | null;
  @ApiProperty() leadWorkdays!: number;
  @ApiProperty() startDate!: string;
  @ApiProperty({ type: String, nullable: true }) endDate!: string | null;
  @ApiProperty({ type: [String] }) checklist!: string[];
  @ApiProperty({ type: [String] }) requiredEvidence!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) generatedThrough!: string | null;
  @ApiProperty({ type: [ScheduleOccurrenceDto] }) next!: ScheduleOccurrenceDto[];
}
