import { historyActorName, historyEventLabel } from './history-labels.js';

describe('historyEventLabel', () => {
  it.each([
    ['task.accepted', '签收'],
    ['task.returned', '退回'],
    ['extension.approved', '延期批准'],
    ['attachment.added', '添加交办附件'],
    ['escalation.raised', '预警升级'],
    ['task.deadline.recomputed', '期限重算'],
    ['something.new', 'something.new'],
  ])('%s → %s', (type, label) => {
    expect(historyEventLabel(type)).toBe(label);
  });
});

describe('historyActorName', () => {
  it.each([
    [{ actorPersonId: 'p1', actorUserId: 'u1', actorPersonName: '王磊', actorUserName: '王磊' }, '王磊'],
    [{ actorPersonId: null, actorUserId: 'u9', actorPersonName: null, actorUserName: 'admin' }, 'admin'],
    [{ actorPersonId: null, actorUserId: null, actorPersonName: null, actorUserName: null }, '系统'],
    [{ actorPersonId: 'gone', actorUserId: null, actorPersonName: null, actorUserName: null }, '（已删除人员）'],
    [{ actorPersonId: 'gone', actorUserId: 'u1', actorPersonName: null, actorUserName: 'wang' }, '（已删除人员）'],
    [{ actorPersonId: null, actorUserId: 'gone', actorPersonName: null, actorUserName: null }, '（已删除账号）'],
  ])('%j → %s', (event, name) => {
    expect(historyActorName(event)).toBe(name);
  });
});
