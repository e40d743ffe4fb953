import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '#libs/auth';
import type { LocalDate } from '#libs/calendar';
import { AppConfig } from '#libs/core';
import { ExtensionService, TaskAttachmentService, TaskLifecycleService, TaskService, type NewAdHocTask, type TaskAction } from '#libs/tasks';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { uploadParts } from '../evidence/multipart-parts.js';
import { createValidationPipe } from '../http/validation.js';
import { CreateTaskBody, ExtensionBody, OptionalNoteBody, ReasonBody, TaskListQuery } from './task.dto.js';
import { TaskDetailDto, TaskPageDto } from './task.responses.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TaskController {
  constructor(
    private readonly tasks: TaskService,
    private readonly lifecycle: TaskLifecycleService,
    private readonly extensions: ExtensionService,
    private readonly attachments: TaskAttachmentService,
    private readonly config: AppConfig,
  ) {}

  @Get('tasks')
  @ApiOperation({ summary: 'Tasks the caller may see, filtered, paged and sorted' })
  @ApiOkResponse({ type: TaskPageDto })
  async list(@CurrentActor() actor: Actor, @Query() q: TaskListQuery) {
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? 20, sort: q.sort ?? 'dueAt', order: q.order ?? 'asc' } as const;
    const result = await this.tasks.list(
      actor,
      {
        mine: q.mine,
        postId: q.postId,
        unitId: q.unitId,
        status: q.status,
        dueFrom: q.dueFrom ? new Date(`${q.dueFrom}T00:00:00Z`) : undefined,
        dueTo: q.dueTo ? new Date(`${q.dueTo}T00:00:00Z`) : undefined,
        overdue: q.overdue,
        workItemId: q.workItemId,
        scheduleId: q.scheduleId,
      },
      page,
    );
    return { ...result, page: page.page, pageSize: page.pageSize };
  }

  @Post('tasks')
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateTaskBody, description: 'JSON; or multipart/form-data with field `task` (this JSON) followed by an optional `file` (交办附件)' })
  @ApiOperation({
    summary: '交办: a chief or deputy assigns a task to a post below them',
    description: 'As multipart the answer also lists the attachment; more files: POST /api/tasks/:id/attachments.',
  })
  async create(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Body() raw: unknown) {
    // Validated here rather than by the parameter type: a multipart body carries the same JSON in a field.
    if (!request.isMultipart()) return this.tasks.createAdHoc(actor, await newTask(raw));
    return this.attachments.createWithAttachment(actor, uploadParts(request, this.config.evidenceMaxBytes), newTask);
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: 'A task with its extension requests, escalations and history' })
  @ApiOkResponse({ type: TaskDetailDto, description: 'allowedActions: what the caller may do now' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.tasks.detail(actor, id);
  }

  @Post('tasks/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '签收' })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.act(actor, id, 'ACCEPT');
  }

  @Post('tasks/:id/start')
  @HttpCode(200)
  start(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.act(actor, id, 'START');
  }

  @Post('tasks/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '报审 (422 when required evidence is missing)' })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.act(actor, id, 'SUBMIT');
  }

  @Post('tasks/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '初核 / 审核 by the reviewer of the current step' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.act(actor, id, 'APPROVE');
  }

  @Post('tasks/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回 with a reason, back to in progress' })
  return(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonBody) {
    return this.act(actor, id, 'RETURN', body.reason);
  }

  @Post('tasks/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel (assigner or admin) with a reason' })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonBody) {
    return this.act(actor, id, 'CANCEL', body.reason);
  }

  @Post('tasks/:id/extension-requests')
  @ApiOperation({ summary: '延期申请 by the assignee' })
  requestExtension(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ExtensionBody) {
    return this.extensions.request(actor, id, body);
  }

  @Post('extension-requests/:id/approve')
  @HttpCode(200)
  approveExtension(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OptionalNoteBody) {
    return this.extensions.decide(actor, id, true, body.note);
  }

  @Post('extension-requests/:id/reject')
  @HttpCode(200)
  rejectExtension(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OptionalNoteBody) {
    return this.extensions.decide(actor, id, false, body.note);
  }

  private act(actor: Actor, id: string, action: TaskAction, reason?: string) {
    return this.lifecycle.act(actor, id, action, reason);
  }
}

const validation = createValidationPipe();

/** The create body through the API's validation pipe (the same rules and errors as any JSON body). */
async function newTask(raw: unknown): Promise<NewAdHocTask> {
  const body = (await validation.transform(raw ?? {}, { type: 'body', metatype: CreateTaskBody })) as CreateTaskBody;
  return { ...body, dueDate: body.dueDate as LocalDate | undefined, assignedOn: body.assignedOn as LocalDate | undefined };
}
