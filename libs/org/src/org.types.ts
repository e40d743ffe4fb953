import type { PostKind, ResponsibilityType } from '@prisma/client';

export interface UnitSummary {
  id: string;
  code: string;
  name: string;
  organisation: { id: string; code: string; name: string };
  postCount: number;
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  org: { code: string; name: string };
}

export interface PostHolder {
  personId: string;
  name: string;
  acting: boolean;
  since: string;
}

export interface PostSummary {
  id: string;
  unitId: string;
  kind: PostKind;
  code: string;
  name: string;
  title: string;
  reportsToId: string | null;
  backupPostId: string | null;
}

export interface WorkItemDetail {
  id: string;
  seq: number;
  title: string;
  functions: string[];
  responsibilities: { type: ResponsibilityType | null; label: string; text: string }[];
  workflowRefs: string[];
  cooperations: { postId: string; postCode: string; text: string }[];
  remarks: string | null;
}

export interface PostDetail extends PostSummary {
  unit: { id: string; name: string };
  holders: PostHolder[];
  workItems: WorkItemDetail[];
}
