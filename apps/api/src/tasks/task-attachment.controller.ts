import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '#libs/auth';
import { AppConfig } from '#libs/core';
import { contentDisposition } from '#libs/evidence';
import { TaskAttachmentService } from '#libs/tasks';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { uploadParts } from '../evidence/multipart-parts.js';

/** Downloads never render in the browser's origin: always attachments, never sniffed. */
const DOWNLOAD_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Content-Security-Policy', "default-src 'none'; sandbox"],
  ['Cache-Control', 'private, no-store'],
];

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks/:id/attachments')
export class TaskAttachmentController {
  constructor(
    private readonly attachments: TaskAttachmentService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: '交办附件: the assigner (or admin) adds a file to an open ad-hoc task',
    description: 'One file per request in field `file`; the limits and accepted types of evidence files apply (413 EVIDENCE_TOO_LARGE, 422 EVIDENCE_TYPE_NOT_ALLOWED). Recorded as `attachment.added` (name, type, size, SHA-256) in the task history. Listed in GET /api/tasks/:id.',
  })
  add(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.attachments.add(actor, id, uploadParts(request, this.config.evidenceMaxBytes));
  }

  @Get(':attachmentId')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download an attachment (anyone who may see the task; others get 404)' })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.attachments.download(actor, id, attachmentId);
    for (const [name, value] of DOWNLOAD_HEADERS) void reply.header(name, value);
    void reply.header('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(file.stream, { type: file.mimeType, disposition: contentDisposition(file.fileName), length: file.size });
  }
}
