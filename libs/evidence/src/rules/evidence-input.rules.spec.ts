import { parseFileFields, parseRecordInput } from './evidence-input.rules.js';

const ID = '6f1c2b7e-4d3a-4c1b-9e8f-0a1b2c3d4e5f';

describe('parseRecordInput', () => {
  it.each<[string, unknown, object]>([
    ['a note', { kind: 'NOTE', text: ' 已电话确认 ' }, { content: { kind: 'NOTE', text: '已电话确认' } }],
    ['a link', { kind: 'LINK', url: 'https://zrzy.example.gov.cn/gs/2026/12.html', title: '公示' }, { content: { kind: 'LINK', url: 'https://zrzy.example.gov.cn/gs/2026/12.html', title: '公示' } }],
    ['a document number', { kind: 'DOC_NUMBER', number: '自然资规〔2026〕12号', issuedOn: '2026-11-20' }, { content: { kind: 'DOC_NUMBER', number: '自然资规〔2026〕12号', issuedOn: '2026-11-20' } }],
    [
      'minutes correcting an earlier item',
      { kind: 'MINUTES', date: '2026-11-25', participants: ['张建国', '李敏'], conclusions: '原则同意', supersedesId: ID },
      { content: { kind: 'MINUTES', date: '2026-11-25', participants: ['张建国', '李敏'], conclusions: '原则同意' }, supersedesId: ID },
    ],
  ])('accepts %s', (_name, body, expected) => {
    expect(parseRecordInput(body)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ['no body', undefined, 'kind'],
    ['a file as JSON', { kind: 'FILE' }, 'kind'],
    ['an empty note', { kind: 'NOTE', text: '   ' }, 'text'],
    ['a javascript: link', { kind: 'LINK', url: 'javascript:alert(1)' }, 'url'],
    ['a relative link', { kind: 'LINK', url: '/x' }, 'url'],
    ['an impossible date', { kind: 'MINUTES', date: '2026-02-30', participants: ['a'], conclusions: 'b' }, 'date'],
    ['minutes without participants', { kind: 'MINUTES', date: '2026-11-25', participants: [], conclusions: 'b' }, 'participants'],
    ['an unknown field', { kind: 'NOTE', text: 'x', createdBy: 'me' }, 'createdBy'],
    ['a malformed supersedesId', { kind: 'NOTE', text: 'x', supersedesId: '12' }, 'supersedesId'],
    ['an overlong document number', { kind: 'DOC_NUMBER', number: '号'.repeat(101) }, 'number'],
  ])('refuses %s, naming %s', (_name, body, field) => {
    const parsed = parseRecordInput(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toContain(field);
  });
});

describe('parseFileFields', () => {
  it.each<[Record<string, string>, boolean]>([
    [{}, true],
    [{ description: '扫描件', supersedesId: ID }, true],
    [{ supersedesId: 'x' }, false],
    [{ kind: 'NOTE' }, false],
  ])('%j → %s', (fields, ok) => {
    expect(parseFileFields(fields).ok).toBe(ok);
  });
});
