import type { ParsedPost, ParsedResponsibility, PostKind } from '../parser/parsed-duty-list.types.js';

/** A unit's live catalogue as stored, in the shape the diff compares. */
export interface StoredStatement {
  id: string;
  seq: number;
  text: string;
}

export interface StoredResponsibility extends StoredStatement, Omit<ParsedResponsibility, 'text'> {}

export interface StoredCooperation {
  id: string;
  postCode: string;
  text: string;
}

export interface StoredWorkItem {
  id: string;
  seq: number;
  title: string;
  workflowRefs: string[];
  remarks: string | null;
  retired: boolean;
  functions: StoredStatement[];
  responsibilities: StoredResponsibility[];
  cooperations: StoredCooperation[];
}

export interface StoredPost {
  id: string;
  seq: number;
  code: string;
  kind: PostKind;
  name: string;
  title: string;
  reportsToCode: string | null;
  retired: boolean;
  workItems: StoredWorkItem[];
}

export type Entity = 'post' | 'workItem' | 'function' | 'responsibility' | 'cooperation';
export type Action = 'create' | 'update' | 'retire';

export interface Change {
  action: Action;
  entity: Entity;
  /** Human-readable location, e.g. `业务岗1：… / 市国土空间规划的编制和衔接工作`. */
  path: string;
  text?: string;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
}

export type ImportCounts = Record<'posts' | 'workItems' | 'functions' | 'responsibilities' | 'cooperations', Counts>;

/** Work to do on one work item (matched by post and title). */
export interface WorkItemPlan {
  /** Undefined when the work item is new. */
  storedId?: string;
  /** The work item exists but is retired: it comes back. */
  revive: boolean;
  fieldsChanged: boolean;
  parsed: ParsedPost['workItems'][number];
  createFunctions: { seq: number; text: string }[];
  reseqFunctions: { id: string; seq: number }[];
  retireFunctionIds: string[];
  createResponsibilities: (ParsedResponsibility & { seq: number })[];
  reseqResponsibilities: { id: string; seq: number }[];
  retireResponsibilityIds: string[];
  createCooperations: { postCode: string; text: string }[];
  retireCooperationIds: string[];
}

export interface PostPlan {
  storedId?: string;
  revive: boolean;
  fieldsChanged: boolean;
  parsed: ParsedPost;
  workItems: WorkItemPlan[];
  retireWorkItemIds: string[];
}

export interface ImportPlan {
  posts: PostPlan[];
  retirePostIds: string[];
  counts: ImportCounts;
  changes: Change[];
  /** True when applying the plan would change nothing. */
  unchanged: boolean;
}
