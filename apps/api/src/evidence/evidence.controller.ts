import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#libs/auth';
import { AppConfig } from '#libs/core';
import { contentDisposition, EvidenceService, TaskRecordService } from '#libs/evidence';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { EvidenceDto } from './evidence.responses.js';
import { EVIDENCE_BODY_SCHEMA } from './evidence.schema.js';
import { uploadParts } from './multipart-parts.js';

/** Downloads never render in the browser's origin: always attachments, never sniffed. */
const DOWNLOAD_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Content-Security-Policy', "default-src 'none'; sandbox"],
  ['Cache-Control', 'private, no-store'],
];

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly records: TaskRecordService,
    private readonly config: AppConfig,
  ) {}

  @Post('tasks/:id/evidence')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: EVIDENCE_BODY_SCHEMA })
  @ApiOperation({
    summary: '履职留痕: add evidence (assignee while working; the current reviewer while reviewing)',
    description: 'Files as multipart (field `file`, optional `description`, `supersedesId`); other kinds as JSON. A correction is a new item with `supersedesId`; both are kept.',
  })
  add(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Body() body: unknown) {
    return request.isMultipart()
      ? this.evidence.addFile(actor, id, uploadParts(request, this.config.evidenceMaxBytes))
      : this.evidence.addRecord(actor, id, body);
  }

  @Get('tasks/:id/evidence')
  @ApiOperation({ summary: "The task's evidence, corrections included (current = not superseded)" })
  @ApiOkResponse({ type: [EvidenceDto] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.evidence.list(actor, id);
  }

  @Get('evidence/:id/download')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download an evidence file (anyone who may see its task)' })
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.evidence.download(actor, id);
    for (const [name, value] of DOWNLOAD_HEADERS) void reply.header(name, value);
    // RFC 9530: lets a client check the bytes against the SHA-256 recorded in the history.
    void reply.header('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(file.stream, { type: file.mimeType, disposition: contentDisposition(file.fileName), length: file.size });
  }

  @Get('tasks/:id/evidence-bundle')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'A zip of task.json, history.json, files/ and manifest.sha256 (sha256sum -c)' })
  async bundle(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const bundle = await this.records.bundle(actor, id);
    return new StreamableFile(bundle.stream, { type: 'application/zip', disposition: contentDisposition(bundle.fileName) });
  }

  @Get('tasks/:id/history')
  @ApiOperation({ summary: "The task's hash-chained history, in order" })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.records.history(actor, id);
  }
}
