import { describePostCode, parseOrdinal, resolvePostName } from './post-name.parser.js';

describe('resolvePostName', () => {
  it.each([
    ['正职岗位', 'CHIEF', 'chief', '正职岗位'],
    ['正职', 'CHIEF', 'chief', '正职'],
    ['正职岗位：科长', 'CHIEF', 'chief', '科长'],
    ['正职岗位（科长）', 'CHIEF', 'chief', '正职岗位（科长）'],
    ['副职岗位', 'DEPUTY', 'deputy', '副职岗位'],
    ['副职岗位: 副科长', 'DEPUTY', 'deputy', '副科长'],
    ['业务岗1：国土空间规划及专项规划工作', 'OFFICER', 'officer-1', '国土空间规划及专项规划工作'],
    ['业务岗2: 村镇规划工作', 'OFFICER', 'officer-2', '村镇规划工作'],
    ['业务岗2:村镇规划工作', 'OFFICER', 'officer-2', '村镇规划工作'],
    ['业务岗 3 ： 监督实施', 'OFFICER', 'officer-3', '监督实施'],
    ['业务岗位4：资质管理', 'OFFICER', 'officer-4', '资质管理'],
    ['业务岗１２：全角数字', 'OFFICER', 'officer-12', '全角数字'],
    ['业务岗三：中文数字', 'OFFICER', 'officer-3', '中文数字'],
    ['业务岗5 档案管理', 'OFFICER', 'officer-5', '档案管理'],
    ['业务岗6', 'OFFICER', 'officer-6', '业务岗6'],
    ['  业务岗7：前后空格  ', 'OFFICER', 'officer-7', '前后空格'],
  ])('%j → %s %s %j', (name, kind, code, title) => {
    expect(resolvePostName(name)).toEqual({ kind, code, title });
  });

  it.each(['科员岗', '业务岗', '业务岗0：无效编号', '综合岗1：办公室', '正职岗位负责人', '副科长', ''])(
    'does not resolve %j',
    (name) => {
      expect(resolvePostName(name)).toBeNull();
    },
  );
});

describe('parseOrdinal', () => {
  it.each<[string, number | null]>([
    ['1', 1],
    ['１０', 10],
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['两', 2],
    ['二三', null],
    ['一十一十', null],
    ['a', null],
    ['', null],
  ])('%j → %p', (raw, expected) => {
    expect(parseOrdinal(raw)).toBe(expected);
  });
});

describe('describePostCode', () => {
  it.each([
    ['chief', '正职岗位'],
    ['deputy', '副职岗位'],
    ['officer-2', '业务岗2'],
    ['other', 'other'],
  ])('%s → %s', (code, text) => {
    expect(describePostCode(code)).toBe(text);
  });
});
