import type { ParsedDutyList, ParsedPost, ParsedWorkItem } from '../parser/parsed-duty-list.types.js';
import type {
  Change,
  Counts,
  ImportCounts,
  ImportPlan,
  PostPlan,
  StoredPost,
  StoredStatement,
  StoredWorkItem,
  WorkItemPlan,
} from './catalogue.types.js';

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0, retired: 0 });

/**
 * Compares a parsed duty list with a unit's stored catalogue. Posts match by code, work items by
 * post and title, statements by their text (they have no identity of their own). Nothing is ever
 * deleted: what disappeared from the file is retired, so tasks created from it keep their link.
 */
export function planImport(stored: StoredPost[], parsed: ParsedDutyList): ImportPlan {
  const counts: ImportCounts = {
    posts: zero(),
    workItems: zero(),
    functions: zero(),
    responsibilities: zero(),
    cooperations: zero(),
  };
  const changes: Change[] = [];
  const storedByCode = new Map(stored.map((p) => [p.code, p]));
  const posts = parsed.posts.map((p) => planPost(p, storedByCode.get(p.code), counts, changes));

  const parsedCodes = new Set(parsed.posts.map((p) => p.code));
  const retirePostIds: string[] = [];
  for (const post of stored) {
    if (post.retired || parsedCodes.has(post.code)) continue;
    retirePostIds.push(post.id);
    counts.posts.retired++;
    changes.push({ action: 'retire', entity: 'post', path: post.name });
    for (const item of post.workItems.filter((w) => !w.retired)) retireWorkItem(post.name, item, counts, changes);
  }

  const unchanged = changes.length === 0;
  return { posts, retirePostIds, counts, changes, unchanged };
}

function planPost(parsed: ParsedPost, stored: StoredPost | undefined, counts: ImportCounts, changes: Change[]): PostPlan {
  const fieldsChanged =
    !!stored &&
    (stored.kind !== parsed.kind ||
      stored.name !== parsed.name ||
      stored.title !== parsed.title ||
      stored.seq !== parsed.seq ||
      stored.reportsToCode !== parsed.reportsToCode);
  const revive = !!stored?.retired;
  if (!stored) {
    counts.posts.created++;
    changes.push({ action: 'create', entity: 'post', path: parsed.name });
  } else if (fieldsChanged || revive) {
    counts.posts.updated++;
    changes.push({ action: 'update', entity: 'post', path: parsed.name });
  } else {
    counts.posts.unchanged++;
  }

  const storedItems = new Map((stored?.workItems ?? []).map((w) => [w.title, w]));
  const workItems = parsed.workItems.map((w) => planWorkItem(parsed.name, w, storedItems.get(w.title), counts, changes));
  const titles = new Set(parsed.workItems.map((w) => w.title));
  const retireWorkItemIds: string[] = [];
  for (const item of stored?.workItems ?? []) {
    if (item.retired || titles.has(item.title)) continue;
    retireWorkItemIds.push(item.id);
    retireWorkItem(parsed.name, item, counts, changes);
  }
  return { storedId: stored?.id, revive, fieldsChanged, parsed, workItems, retireWorkItemIds };
}

function planWorkItem(
  postName: string,
  parsed: ParsedWorkItem,
  stored: StoredWorkItem | undefined,
  counts: ImportCounts,
  changes: Change[],
): WorkItemPlan {
  const path = `${postName} / ${parsed.title}`;
  const revive = !!stored?.retired;
  const fieldsChanged =
    !!stored &&
    (stored.seq !== parsed.seq ||
      stored.remarks !== parsed.remarks ||
      stored.workflowRefs.join(' ') !== parsed.workflowRefs.join(' '));

  // A retired work item's statements were retired with it; reviving starts from none live.
  const live = <T>(xs: T[]): T[] => (revive ? [] : xs);
  const functions = diffStatements(
    live(stored?.functions ?? []),
    parsed.functions.map((text, i) => ({ key: text, seq: i + 1, value: text })),
    (s) => s.text,
  );
  const responsibilities = diffStatements(
    live(stored?.responsibilities ?? []),
    parsed.responsibilities.map((r, i) => ({ key: `${r.label}\u0000${r.text}`, seq: i + 1, value: r })),
    (s) => `${s.label}\u0000${s.text}`,
  );
  const cooperations = diffStatements(
    live((stored?.cooperations ?? []).map((c) => ({ ...c, seq: 0 }))),
    parsed.cooperations.map((c) => ({ key: c.postCode, seq: 0, value: c })),
    (s) => s.postCode,
  );

  tally(counts.functions, functions, changes, 'function', path, (v) => v);
  tally(counts.responsibilities, responsibilities, changes, 'responsibility', path, (v) => `${v.label}责任：${v.text}`);
  tally(counts.cooperations, cooperations, changes, 'cooperation', path, (v) => v.text);

  const statementsChanged =
    functions.create.length + functions.retire.length + functions.reseq.length +
      responsibilities.create.length + responsibilities.retire.length + responsibilities.reseq.length +
      cooperations.create.length + cooperations.retire.length >
    0;
  if (!stored) {
    counts.workItems.created++;
    changes.push({ action: 'create', entity: 'workItem', path });
  } else if (revive || fieldsChanged || statementsChanged) {
    counts.workItems.updated++;
    changes.push({ action: 'update', entity: 'workItem', path });
  } else {
    counts.workItems.unchanged++;
  }

  return {
    storedId: stored?.id,
    revive,
    fieldsChanged,
    parsed,
    createFunctions: functions.create.map((c) => ({ seq: c.seq, text: c.value })),
    reseqFunctions: functions.reseq,
    retireFunctionIds: functions.retire.map((s) => s.id),
    createResponsibilities: responsibilities.create.map((c) => ({ ...c.value, seq: c.seq })),
    reseqResponsibilities: responsibilities.reseq,
    retireResponsibilityIds: responsibilities.retire.map((s) => s.id),
    createCooperations: cooperations.create.map((c) => c.value),
    retireCooperationIds: cooperations.retire.map((s) => s.id),
  };
}

function retireWorkItem(postName: string, item: StoredWorkItem, counts: ImportCounts, changes: Change[]): void {
  counts.workItems.retired++;
  changes.push({ action: 'retire', entity: 'workItem', path: `${postName} / ${item.title}` });
  counts.functions.retired += item.functions.length;
  counts.responsibilities.retired += item.responsibilities.length;
  counts.cooperations.retired += item.cooperations.length;
}

interface Wanted<V> {
  key: string;
  seq: number;
  value: V;
}

interface StatementDiff<S, V> {
  create: Wanted<V>[];
  retire: S[];
  reseq: { id: string; seq: number }[];
  unchanged: number;
}

/** Multiset match by key, so a statement repeated in a cell is neither lost nor doubled. */
function diffStatements<S extends Pick<StoredStatement, 'id' | 'seq'>, V>(
  stored: S[],
  wanted: Wanted<V>[],
  keyOf: (s: S) => string,
): StatementDiff<S, V> {
  const pool = new Map<string, S[]>();
  for (const s of stored) pool.set(keyOf(s), [...(pool.get(keyOf(s)) ?? []), s]);
  const result: StatementDiff<S, V> = { create: [], retire: [], reseq: [], unchanged: 0 };
  for (const w of wanted) {
    const match = pool.get(w.key)?.shift();
    if (!match) result.create.push(w);
    else if (match.seq !== w.seq) result.reseq.push({ id: match.id, seq: w.seq });
    else result.unchanged++;
  }
  for (const rest of pool.values()) result.retire.push(...rest);
  return result;
}

function tally<S, V>(
  counts: Counts,
  diff: StatementDiff<S, V>,
  changes: Change[],
  entity: Change['entity'],
  path: string,
  describe: (v: V) => string,
): void {
  counts.created += diff.create.length;
  counts.retired += diff.retire.length;
  counts.updated += diff.reseq.length;
  counts.unchanged += diff.unchanged;
  for (const c of diff.create) changes.push({ action: 'create', entity, path, text: describe(c.value) });
  for (const s of diff.retire) {
    const text = (s as { text?: string }).text;
    changes.push({ action: 'retire', entity, path, text });
  }
  if (diff.reseq.length > 0) changes.push({ action: 'update', entity, path, text: `${diff.reseq.length} 条顺序调整` });
}
