import { packageSchedule, WorkingCalendar, type LocalDate } from '#libs/calendar';
import {
  alarmInstant,
  feedDescription,
  feedEventOf,
  feedSummary,
  feedUrls,
  hashFeedToken,
  isWellFormedFeedToken,
  newFeedToken,
  shortPostName,
  type FeedTask,
} from './calendar-feed.rules.js';

const d = (s: string) => s as LocalDate;
const calendar = new WorkingCalendar(packageSchedule());

const task = (over: Partial<FeedTask> = {}): FeedTask => ({
  id: '6f1c0c52-0000-4000-8000-000000000001',
  title: '报送月度统计',
  status: 'IN_PROGRESS',
  escalationLevel: -1,
  dueDate: d('2026-11-26'),
  deadlineProvisional: false,
  updatedAt: new Date('2026-11-20T08:30:00Z'),
  postName: '业务岗1：国土空间规划及专项规划工作',
  unitName: '国土空间规划科',
  actingForName: null,
  workItemTitle: null,
  cutoff: '24:00',
  ...over,
});

describe('feed tokens', () => {
  it('are 43 url-safe characters, different every time, hashed to 64 hex digits', () => {
    const a = newFeedToken();
    const b = newFeedToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashFeedToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashFeedToken(a)).toBe(hashFeedToken(a));
    expect(hashFeedToken(a)).not.toBe(hashFeedToken(b));
  });

  it.each<[unknown, boolean]>([
    ['A'.repeat(43), true],
    ['a-_9'.repeat(10) + 'xyz', true],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    ['A'.repeat(42) + '=', false],
    ['A'.repeat(42) + '+', false],
    [undefined, false],
    [43, false],
  ])('%p well formed: %p', (value, ok) => expect(isWellFormedFeedToken(value)).toBe(ok));

  it.each([
    ['https://dt.example.cn', 'https://dt.example.cn/api/calendar/feed.ics?token=T', 'webcal://dt.example.cn/api/calendar/feed.ics?token=T'],
    ['http://localhost:3000', 'http://localhost:3000/api/calendar/feed.ics?token=T', 'webcal://localhost:3000/api/calendar/feed.ics?token=T'],
  ])('links under %s', (base, url, webcalUrl) => expect(feedUrls(base, 'T')).toEqual({ url, webcalUrl }));
});

describe('shortPostName', () => {
  it.each([
    ['业务岗1：国土空间规划及专项规划工作', '业务岗1'],
    ['业务岗2: 村镇规划工作', '业务岗2'],
    ['正职岗位', '正职岗位'],
    ['：无名', '：无名'],
  ])('%s → %s', (name, short) => expect(shortPostName(name)).toBe(short));
});

describe('feedSummary', () => {
  it.each<[Partial<FeedTask>, string]>([
    [{}, '报送月度统计（业务岗1）'],
    [{ escalationLevel: 0 }, '报送月度统计（业务岗1）'],
    [{ escalationLevel: 1 }, '【逾期】报送月度统计（业务岗1）'],
    [{ escalationLevel: 2 }, '【催办】报送月度统计（业务岗1）'],
    [{ escalationLevel: 3, actingForName: '刘洋', postName: '业务岗2: 村镇规划工作' }, '【督办】报送月度统计（业务岗2·代刘洋）'],
  ])('%j → %s', (over, summary) => expect(feedSummary(task(over))).toBe(summary));
});

describe('feedDescription', () => {
  const link = 'https://dt.example.cn/tasks/1';
  it.each<[string, Partial<FeedTask>, string[]]>([
    [
      'plain',
      {},
      ['状态：办理中', '预警等级：无', '办理期限：2026-11-26 24:00前', '岗位：业务岗1：国土空间规划及专项规划工作（国土空间规划科）', `任务链接：${link}`],
    ],
    [
      'acting, with work item, early cut-off, provisional, reminded',
      { status: 'ISSUED', escalationLevel: 0, actingForName: '刘洋', workItemTitle: '规划审核', cutoff: '17:30', deadlineProvisional: true },
      [
        '状态：待签收',
        '预警等级：提醒',
        '办理期限：2026-11-26 17:30前（期限暂定：当年节假日安排尚未公布）',
        '岗位：业务岗1：国土空间规划及专项规划工作（国土空间规划科）',
        '代岗：代刘洋办理（AB角）',
        '工作事项：规划审核',
        `任务链接：${link}`,
      ],
    ],
    [
      'submitted and overdue',
      { status: 'SUBMITTED', escalationLevel: 2 },
      ['状态：待初核', '预警等级：催办', '办理期限：2026-11-26 24:00前', '岗位：业务岗1：国土空间规划及专项规划工作（国土空间规划科）', `任务链接：${link}`],
    ],
  ])('%s', (_name, over, lines) => expect(feedDescription(task(over), link).split('\n')).toEqual(lines));
});

describe('alarmInstant: 09:00 Shanghai on the working day before the due date', () => {
  it.each([
    ['2026-11-26', '2026-11-25T01:00:00.000Z'], // Thursday → Wednesday
    ['2026-11-30', '2026-11-27T01:00:00.000Z'], // Monday → Friday
    ['2026-10-08', '2026-09-30T01:00:00.000Z'], // after National Day (10-01..07) → 09-30
    ['2026-10-12', '2026-10-10T01:00:00.000Z'], // Monday → Saturday 10-10, a 调休 working day
    ['2026-11-29', '2026-11-27T01:00:00.000Z'], // a Sunday deadline → Friday
  ])('due %s → %s', (due, at) => expect(alarmInstant(d(due), calendar).toISOString()).toBe(at));
});

describe('feedEventOf', () => {
  it('is one all-day event on the due date with a stable UID and the task link', () => {
    const event = feedEventOf(task(), 'https://dt.example.cn/tasks/1', calendar);
    expect(event).toMatchObject({
      uid: 'task-6f1c0c52-0000-4000-8000-000000000001@duty-tracker',
      stamp: new Date('2026-11-20T08:30:00Z'),
      start: '2026-11-26',
      end: '2026-11-27',
      summary: '报送月度统计（业务岗1）',
      url: 'https://dt.example.cn/tasks/1',
      alarm: { at: new Date('2026-11-25T01:00:00Z'), description: '2026-11-26 到期：报送月度统计' },
    });
  });

  it('ends on the first day of the next month or year', () => {
    expect(feedEventOf(task({ dueDate: d('2026-12-31') }), 'l', calendar)).toMatchObject({ start: '2026-12-31', end: '2027-01-01' });
  });
});
