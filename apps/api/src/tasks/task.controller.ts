import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/auth';
import type { LocalDate } from '#libs/calendar';
import { ExtensionService, TaskLifecycleService, TaskService, type TaskAction } from '#libs/tasks';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CreateTaskBody, ExtensionBody, OptionalNoteBody, ReasonBody, TaskListQuery } from './task.dto.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TaskController {
  constructor(
    private readonly tasks: TaskService,
    private readonly lifecycle: TaskLifecycleService,
    private readonly extensions: ExtensionService,
  ) {}

  @Get('tasks')
  @ApiOperation({ summary: 'Tasks the caller may see, filtered, paged and sorted' })
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
  @ApiOperation({ summary: '交办: a chief or deputy assigns a task to a post below them' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTaskBody) {
    return this.tasks.createAdHoc(actor, {
      ...body,
      dueDate: body.dueDate as LocalDate | undefined,
      assignedOn: body.assignedOn as LocalDate | undefined,
    });
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: 'A task with its extension requests, escalations and history' })
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
