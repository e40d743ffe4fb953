import type { PostKind, TaskKind, TaskStatus } from '@prisma/client';

/** A post in the task's chain: the task's own post, the post it reports to, and that one's. */
export interface ChainPost {
  id: string;
  unitId: string;
  kind: PostKind;
  reportsToId: string | null;
}

/** A chain post with the people holding it today (substantive and acting alike carry its authority). */
export interface StaffedChainPost extends ChainPost {
  holders: string[];
}

/** What the lifecycle and access rules need about a task. */
export interface TaskRecord {
  id: string;
  kind: TaskKind;
  unitId: string;
  orgId: string;
  status: TaskStatus;
  reviewSteps: PostKind[];
  reviewIndex: number;
  version: number;
  assigneePersonId: string | null;
  actingForPersonId: string | null;
  assignedById: string | null;
  dueDate: Date;
  dueAt: Date;
  requiredEvidence: string[];
  escalationCycle: number;
  /** [own post, its superior, the superior's superior] as far as the chain goes, with today's holders. */
  chain: StaffedChainPost[];
  /** 分管局领导 of the organisation: decides a step nobody above in the unit may take. */
  bureauLeaderPersonId: string | null;
  /** An extension request of the task waits for a decision. */
  extensionPending: boolean;
}

export interface TaskFilter {
  mine?: boolean;
  postId?: string;
  unitId?: string;
  status?: TaskStatus[];
  dueFrom?: Date;
  dueTo?: Date;
  overdue?: boolean;
  workItemId?: string;
  scheduleId?: string;
}

/** What the actor may see in lists: everything (admin), or units they lead, posts they hold, tasks they work. */
export type TaskVisibility = { all: true } | { all: false; unitIds: string[]; postIds: string[]; personId: string | null };

export interface Page {
  page: number;
  pageSize: number;
  sort: 'dueAt' | 'createdAt' | 'updatedAt';
  order: 'asc' | 'desc';
}

export interface TaskSummary {
  id: string;
  kind: TaskKind;
  title: string;
  status: TaskStatus;
  unitId: string;
  postId: string;
  assigneePersonId: string | null;
  actingForPersonId: string | null;
  workItemId: string | null;
  scheduleId: string | null;
  dueDate: string;
  dueAt: string;
  deadlineProvisional: boolean;
  lateIssued: boolean;
  escalationLevel: number;
  reviewSteps: PostKind[];
  reviewIndex: number;
  returnReason: string | null;
}
