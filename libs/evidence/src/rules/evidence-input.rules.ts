import { z } from 'zod';
import { acceptedDateProblem } from '#libs/calendar';

/** What each kind of evidence records (Evidence.content); a file's bytes live in storage. */
export type EvidenceContent =
  | { kind: 'FILE'; description?: string }
  | { kind: 'NOTE'; text: string }
  | { kind: 'LINK'; url: string; title?: string }
  | { kind: 'DOC_NUMBER'; number: string; title?: string; issuedOn?: string }
  | { kind: 'MINUTES'; date: string; participants: string[]; conclusions: string; title?: string };

export type RecordKind = Exclude<EvidenceContent['kind'], 'FILE'>;

export interface RecordInput {
  content: Exclude<EvidenceContent, { kind: 'FILE' }>;
  supersedesId?: string;
}

export interface FileFieldsInput {
  description?: string;
  supersedesId?: string;
}

export type FieldProblems = { field: string; problems: string[] }[];

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems };

const text = (max: number, what: string) =>
  z.string({ error: `${what}须为文字` }).trim().min(1, `${what}不能为空`).max(max, `${what}不能超过 ${max} 字`);
const optionalText = (max: number, what: string) => text(max, what).optional();
const supersedesId = z.uuid({ error: 'supersedesId 须为被更正材料的编号（UUID）' }).optional();

// The shape half of the accepted-date rule; EvidenceService checks the window.
const localDate = (what: string) =>
  z.string().refine((v) => acceptedDateProblem(v) === null, `${what}须为有效日期 YYYY-MM-DD`);

const httpUrl = z
  .string()
  .trim()
  .max(2000, '链接不能超过 2000 字符')
  .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), '链接须为 http:// 或 https:// 地址');

const recordSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('NOTE'), supersedesId, text: text(10_000, '说明') }),
    z.strictObject({ kind: z.literal('LINK'), supersedesId, url: httpUrl, title: optionalText(200, '标题') }),
    z.strictObject({
      kind: z.literal('DOC_NUMBER'),
      supersedesId,
      number: text(100, '文号'),
      title: optionalText(200, '文件标题'),
      issuedOn: localDate('发文日期').optional(),
    }),
    z.strictObject({
      kind: z.literal('MINUTES'),
      supersedesId,
      date: localDate('会议日期'),
      participants: z.array(text(50, '参会人员'), { error: '参会人员须为名单' }).min(1, '至少一名参会人员').max(200, '参会人员不超过 200 人'),
      conclusions: text(20_000, '会议结论'),
      title: optionalText(200, '会议名称'),
    }),
  ],
  { error: 'kind 须为 NOTE、LINK、DOC_NUMBER 或 MINUTES（文件请以 multipart/form-data 上传）' },
);

const fileFieldsSchema = z.strictObject({ supersedesId, description: optionalText(1000, '文件说明') });

/** A JSON evidence item (note, link, document number, minutes). */
export function parseRecordInput(body: unknown): Parsed<RecordInput> {
  const parsed = recordSchema.safeParse(body ?? {});
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const { supersedesId: id, ...content } = parsed.data;
  return { ok: true, value: { content, supersedesId: id } };
}

/** The form fields sent with a file (multipart). */
export function parseFileFields(fields: Record<string, string>): Parsed<FileFieldsInput> {
  const parsed = fileFieldsSchema.safeParse(fields);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

function problemsOf(error: z.ZodError): FieldProblems {
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.') || 'body'];
    const message = issue.code === 'unrecognized_keys' ? '不支持的字段' : issue.message;
    for (const field of keys) byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return [...byField].map(([field, problems]) => ({ field, problems }));
}
