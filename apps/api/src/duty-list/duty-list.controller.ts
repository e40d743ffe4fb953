import type {} from '@fastify/multipart';
import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '#libs/auth';
import { DomainError } from '#libs/core';
import { DEFAULT_MAX_BYTES, DutyListImportService } from '#libs/duty-list';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ImportSummaryDto } from './duty-list.dto.js';

export class ImportQuery {
  @ApiPropertyOptional({ description: 'compute and return the diff without writing' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'organisation code (default: the only one)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisation?: string;
}

const noFile = () => new DomainError('DUTY_LIST_FILE_MISSING', 'INVALID', '请以 multipart 表单字段 file 上传履职清单文件');
const tooLarge = () =>
  new DomainError('DUTY_LIST_FILE_TOO_LARGE', 'PAYLOAD_TOO_LARGE', `文件过大（上限 ${DEFAULT_MAX_BYTES} 字节）`, { maxBytes: DEFAULT_MAX_BYTES });

@ApiTags('duty-list')
@ApiBearerAuth()
@Controller('duty-lists')
export class DutyListController {
  constructor(private readonly importer: DutyListImportService) {}

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOkResponse({ type: ImportSummaryDto })
  @ApiOperation({ summary: 'Import a duty list (text, CSV or XLSX; admin). ?dryRun=true returns the diff without writing' })
  async import(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Query() query: ImportQuery): Promise<ImportSummaryDto> {
    if (!request.isMultipart()) throw noFile();
    // Duty lists are small documents: the parser needs the whole file, bounded by its own limit.
    const file = await request.file({ limits: { fileSize: DEFAULT_MAX_BYTES, files: 1 } });
    if (!file) throw noFile();
    const bytes = await file.toBuffer().catch((e: { code?: string }) => {
      throw e?.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e;
    });
    return this.importer.importFileAs(actor, { fileName: file.filename, bytes, dryRun: query.dryRun, organisation: query.organisation });
  }
}
