import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { PostKind } from '@prisma/client';
import type { Actor } from '#libs/auth';
import type { LocalDate } from '#libs/calendar';
import { ScheduleService, TaskGenerationService, TaskLifecycleService, TaskService, type ScheduleInput } from '#libs/tasks';

interface DemoPost {
  id: string;
  unitId: string;
  kind: PostKind;
  code: string;
  workItems: { id: string; title: string }[];
}

/** Schedules a reader recognises from the planning section's duty list. */
const SCHEDULES: { post: string; item: string; schedule: ScheduleInput }[] = [
  {
    post: 'officer-4',
    item: '其他工作',
    schedule: {
      title: '月度统计报表报送',
      recurrence: { kind: 'NTH_WORKDAY_OF_MONTH', n: 5 },
      leadWorkdays: 3,
      startDate: '2026-09-01',
      checklistFromResponsibilities: true,
      requiredEvidence: ['FILE'],
    },
  },
  {
    post: 'officer-3',
    item: '其他工作',
    schedule: { title: '季度文件档案检查', recurrence: { kind: 'LAST_WORKDAY_OF', period: 'QUARTER' }, leadWorkdays: 5, startDate: '2026-07-01' },
  },
  {
    post: 'officer-3',
    item: '空间规划评价评估工作。',
    schedule: {
      title: '年度国土空间规划实施评估报告',
      recurrence: { kind: 'LAST_WORKDAY_OF', period: 'YEAR' },
      leadWorkdays: 15,
      startDate: '2026-01-01',
      requiredEvidence: ['FILE', 'DOC_NUMBER'],
    },
  },
  {
    post: 'deputy',
    item: '协助负责科室全面工作',
    schedule: { title: '科室周工作督查', recurrence: { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=FR' }, leadWorkdays: 1, startDate: '2026-11-01' },
  },
];

/**
 * Demo schedules and a few ad-hoc tasks in several states (some already overdue), created through
 * the same services people use, so the embedded default shows a living section. Skipped when the
 * unit already has schedules.
 */
export async function seedDemoTasks(app: INestApplicationContext, posts: DemoPost[], people: Map<string, { userId: string; personId: string }>): Promise<void> {
  const logger = new Logger('Seed');
  const byCode = new Map(posts.map((p) => [p.code, p]));
  const actor = (username: string, code: string | null): Actor => {
    const who = people.get(username)!;
    const post = code ? byCode.get(code)! : null;
    return {
      userId: who.userId,
      username,
      personId: who.personId,
      isAdmin: code === null,
      sessionId: 'seed',
      posts: post ? [{ postId: post.id, unitId: post.unitId, kind: post.kind }] : [],
    };
  };
  const schedules = app.get(ScheduleService);
  const deputy = actor('deputy', 'deputy');
  const chief = actor('chief', 'chief');
  const itemOf = (post: string, title: string) => byCode.get(post)!.workItems.find((w) => w.title === title)!.id;
  if ((await schedules.list(deputy, itemOf('officer-4', '其他工作'))).length > 0) return;

  for (const s of SCHEDULES) await schedules.create(chief, itemOf(s.post, s.item), s.schedule);
  const generated = await app.get(TaskGenerationService).generate();

  const tasks = app.get(TaskService);
  const lifecycle = app.get(TaskLifecycleService);
  const assign = (by: Actor, post: string, title: string, extra: { dueDate?: string; deadlineRule?: unknown; assignedOn?: string }) =>
    tasks.createAdHoc(by, {
      postId: byCode.get(post)!.id,
      title,
      ...extra,
      dueDate: extra.dueDate as LocalDate | undefined,
      assignedOn: extra.assignedOn as LocalDate | undefined,
    });
  const officer = (n: number) => actor(`officer${n}`, `officer-${n}`);

  // Assigned at a meeting two weeks ago, five working days: long overdue, will climb to the chief.
  await assign(chief, 'officer-1', '会议交办：国土空间总体规划修改材料报送', { assignedOn: '2026-11-09', deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 } });
  const accepted = await assign(deputy, 'officer-2', '村庄规划成果审查意见汇总', { deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 } });
  await lifecycle.act(officer(2), accepted.id, 'ACCEPT');
  const submitted = await assign(deputy, 'officer-1', '专项规划审查会议材料准备', { deadlineRule: { kind: 'WORKDAYS_AFTER', days: 3 } });
  for (const step of ['ACCEPT', 'START', 'SUBMIT'] as const) await lifecycle.act(officer(1), submitted.id, step);
  const done = await assign(chief, 'officer-4', '规划委员会第三次会议筹备', { assignedOn: '2026-11-02', deadlineRule: { kind: 'WORKDAYS_AFTER', days: 10 } });
  for (const step of ['ACCEPT', 'START', 'SUBMIT'] as const) await lifecycle.act(officer(4), done.id, step);
  await lifecycle.act(deputy, done.id, 'APPROVE');
  await lifecycle.act(chief, done.id, 'APPROVE');
  logger.log(`demo schedules ${SCHEDULES.length}, recurring tasks ${generated.created}, ad-hoc tasks 4`);
}
