import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE) startDate!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE) endDate?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) checklist?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() checklistFromResponsibilities?: boolean;
  @ApiPropertyOptional({ enum: ['FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES'], isArray: true })
  @IsOptional() @IsIn(['FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES'], { each: true }) requiredEvidence?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
