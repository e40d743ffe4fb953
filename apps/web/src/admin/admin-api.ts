import { api, unwrap, uploadWithProgress, type Schemas } from '../api/client';

/*
 * Calls of the admin screens, over the generated schema. The units/posts answers are not described
 * in the OpenAPI document yet (no @ApiOkResponse on the org controller), so until they are, their
 * shapes are stated here from libs/org's types.
 */

/** libs/org UnitSummary */
export interface Unit {
  id: string;
  code: string;
  name: string;
  organisation: { id: string; code: string; name: string };
  postCount: number;
}

/** libs/org PostSummary */
export interface Post {
  id: string;
  unitId: string;
  kind: string;
  code: string;
  name: string;
  title: string;
}

/** libs/org PostDetail (the parts shown here) */
export interface PostDetail extends Post {
  unit: { id: string; name: string };
  holders: { personId: string; name: string; acting: boolean; since: string }[];
  workItems: { id: string; seq: number; title: string; functions: string[]; responsibilities: { type: string | null; label: string; text: string }[] }[];
}

export type YearOverview = Schemas['YearOverviewDto'];
export type SchedulePreview = Schemas['SchedulePreviewDto'];

export type Recurrence =
  | { kind: 'RRULE'; rrule: string }
  | { kind: 'NTH_WORKDAY_OF_MONTH'; n: number; months?: number[] }
  | { kind: 'LAST_WORKDAY_OF'; period: 'MONTH' | 'QUARTER' | 'YEAR' };

/** ScheduleViewDto with its recurrence read as the union the API accepts (the document leaves it an object). */
export type Schedule = Omit<Schemas['ScheduleViewDto'], 'recurrence'> & { recurrence: Recurrence };

/** What the schedule form sends (ScheduleBody; the generated type leaves the JSON fields opaque). */
export interface ScheduleInput {
  title: string;
  recurrence: Recurrence;
  deadlineRule?: Record<string, unknown> | null;
  leadWorkdays: number;
  startDate: string;
  endDate?: string;
  checklistFromResponsibilities?: boolean;
  checklist?: string[];
  requiredEvidence?: string[];
  active: boolean;
}
const body = (input: Partial<ScheduleInput>) => input as unknown as Schemas['ScheduleBody'];

export type ImportSummary = Schemas['ImportSummaryDto'];
export type SetAsideRow = Schemas['SetAsideRowDto'];
export type DiffEntity = Schemas['ImportChangeDto']['entity'];

// For answers the schema leaves untyped (`content?: never`): states what they are.
const as = <T>(call: Promise<unknown>) => call as Promise<T>;

export const adminApi = {
  units: () => as<Unit[]>(unwrap(api.GET('/api/units'))),
  posts: (unitId: string) => as<Post[]>(unwrap(api.GET('/api/units/{id}/posts', { params: { path: { id: unitId } } }))),
  post: (postId: string) => as<PostDetail>(unwrap(api.GET('/api/posts/{id}', { params: { path: { id: postId } } }))),

  year: (year: number) => unwrap(api.GET('/api/calendar/years/{year}', { params: { path: { year } } })),

  schedules: (workItemId: string) =>
    as<Schedule[]>(unwrap(api.GET('/api/work-items/{workItemId}/schedules', { params: { path: { workItemId } } }))),
  preview: (workItemId: string, id: string) =>
    unwrap(api.GET('/api/work-items/{workItemId}/schedules/{id}/preview', { params: { path: { workItemId, id } } })),
  previewDraft: (workItemId: string, input: Omit<ScheduleInput, 'title'>) =>
    unwrap(api.POST('/api/work-items/{workItemId}/schedules/preview', { params: { path: { workItemId } }, body: body(input) as Schemas['SchedulePreviewBody'] })),
  createSchedule: (workItemId: string, input: ScheduleInput) =>
    as<Schedule>(unwrap(api.POST('/api/work-items/{workItemId}/schedules', { params: { path: { workItemId } }, body: body(input) }))),
  updateSchedule: (workItemId: string, id: string, input: ScheduleInput) =>
    as<Schedule>(unwrap(api.PUT('/api/work-items/{workItemId}/schedules/{id}', { params: { path: { workItemId, id } }, body: body(input) }))),

  setAside: () => unwrap(api.GET('/api/admin/set-aside')),
  retrySetAside: (id: string) => unwrap(api.POST('/api/admin/set-aside/{id}/retry', { params: { path: { id } } })),

  /** Multipart upload (field `file`); a dry run answers the diff without writing. */
  importDutyList: (file: File, dryRun: boolean, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    return uploadWithProgress<ImportSummary>(`/api/duty-lists/import?dryRun=${dryRun}`, form, onProgress);
  },
};
