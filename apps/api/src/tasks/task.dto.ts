import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsAcceptedDate } from '../http/accepted-date.js';
import { MAX_PAGE } from '../http/validation.js';

const STATUSES = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED', 'DONE', 'CANCELLED'] as const;
const EVIDENCE = ['FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES'] as const;
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const toBool = ({ value }: { value: unknown }) => value === true || value === 'true' || value === '1';

export class CreateTaskBody {
  @ApiProperty() @IsUUID() postId!: string;
  @ApiProperty({ example: '报送2026年度规划实施评估报告' }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ example: '2026-12-10', description: 'fixed deadline (or give deadlineRule)' })
  @IsOptional() @IsAcceptedDate() dueDate?: string;
  @ApiPropertyOptional({ example: { kind: 'WORKDAYS_AFTER', days: 5 } }) @IsOptional() @IsObject() deadlineRule?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'date actually assigned (may be in the past, e.g. at a meeting)' })
  @IsOptional() @IsAcceptedDate() assignedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() workItemId?: string;
  @ApiPropertyOptional({ enum: ['DEPUTY', 'CHIEF'], isArray: true }) @IsOptional() @IsIn(['DEPUTY', 'CHIEF'], { each: true }) @ArrayMaxSize(2) reviewSteps?: ('DEPUTY' | 'CHIEF')[];
  @ApiPropertyOptional({ enum: EVIDENCE, isArray: true }) @IsOptional() @IsIn(EVIDENCE, { each: true }) requiredEvidence?: string[];
}

export class ReasonBody {
  @ApiProperty({ example: '材料不全，请补充会议纪要' }) @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

export class OptionalNoteBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ExtensionBody {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
  @ApiProperty({ example: '2026-12-20' }) @IsAcceptedDate() newDueDate!: string;
}

export class AbsenceBody {
  @ApiProperty() @IsUUID() personId!: string;
  @ApiProperty({ example: '2026-12-01' }) @IsAcceptedDate() startDate!: string;
  @ApiProperty({ example: '2026-12-05' }) @IsAcceptedDate() endDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

export class TaskListQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() mine?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUUID() postId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'comma-separated or repeated', enum: STATUSES, isArray: true }) @IsOptional() @Transform(toList) @IsIn(STATUSES, { each: true }) status?: (typeof STATUSES)[number][];
  @ApiPropertyOptional() @IsOptional() @IsAcceptedDate() dueFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsAcceptedDate() dueTo?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUUID() workItemId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() scheduleId?: string;
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
  @ApiPropertyOptional({ enum: ['dueAt', 'createdAt', 'updatedAt'] }) @IsOptional() @IsIn(['dueAt', 'createdAt', 'updatedAt']) sort?: 'dueAt' | 'createdAt' | 'updatedAt';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}
