import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The import's answer (libs/duty-list ImportSummary), described so the web console's types are generated.

export class ImportUnitDto {
  @ApiProperty({ type: String, nullable: true, description: 'null when a dry run would create the unit' }) id!: string | null;
  @ApiProperty({ example: '国土空间规划科' }) name!: string;
  @ApiProperty() created!: boolean;
}

export class ImportCountDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() retired!: number;
}

export class ImportCountsDto {
  @ApiProperty({ type: ImportCountDto }) posts!: ImportCountDto;
  @ApiProperty({ type: ImportCountDto }) workItems!: ImportCountDto;
  @ApiProperty({ type: ImportCountDto }) functions!: ImportCountDto;
  @ApiProperty({ type: ImportCountDto }) responsibilities!: ImportCountDto;
  @ApiProperty({ type: ImportCountDto }) cooperations!: ImportCountDto;
}

export class ImportChangeDto {
  @ApiProperty({ enum: ['create', 'update', 'retire'] }) action!: 'create' | 'update' | 'retire';
  @ApiProperty({ enum: ['post', 'workItem', 'function', 'responsibility', 'cooperation'] })
  entity!: 'post' | 'workItem' | 'function' | 'responsibility' | 'cooperation';
  @ApiProperty({ example: '正职岗位 / 主持科室全面工作' }) path!: string;
  @ApiPropertyOptional() text?: string;
}

export class ImportWarningDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional() column?: string;
}

export class ImportSummaryDto {
  @ApiProperty() file!: string;
  @ApiProperty({ enum: ['text', 'csv', 'xlsx'] }) format!: 'text' | 'csv' | 'xlsx';
  @ApiProperty({ example: 'utf-8' }) encoding!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: ImportUnitDto }) unit!: ImportUnitDto;
  @ApiProperty({ type: Number, nullable: true, description: 'the catalogue revision written; null on a dry run or when nothing changed' }) revision!: number | null;
  @ApiProperty({ description: 'applying the file would change nothing' }) unchanged!: boolean;
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
  @ApiProperty({ type: [ImportChangeDto] }) changes!: ImportChangeDto[];
  @ApiProperty({ type: [ImportWarningDto] }) warnings!: ImportWarningDto[];
}
