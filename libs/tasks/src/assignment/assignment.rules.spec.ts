import { routeTask, type PostStaffing, type Routing } from './assignment.rules.js';

describe('routeTask (AB角)', () => {
  it.each<[string, PostStaffing, string[], Routing]>([
    ['holder present', { holder: 'wang', backupHolder: 'liu' }, [], { assigneePersonId: 'wang', actingForPersonId: null }],
    ['holder away → backup acts for them', { holder: 'wang', backupHolder: 'liu' }, ['wang'], { assigneePersonId: 'liu', actingForPersonId: 'wang' }],
    ['both away → stays with the holder', { holder: 'wang', backupHolder: 'liu' }, ['wang', 'liu'], { assigneePersonId: 'wang', actingForPersonId: null }],
    ['holder away, no backup post', { holder: 'wang', backupHolder: null }, ['wang'], { assigneePersonId: 'wang', actingForPersonId: null }],
    ['vacant post → backup holder', { holder: null, backupHolder: 'liu' }, [], { assigneePersonId: 'liu', actingForPersonId: null }],
    ['vacant, backup away', { holder: null, backupHolder: 'liu' }, ['liu'], { assigneePersonId: null, actingForPersonId: null }],
    ['one person holds both posts', { holder: 'wang', backupHolder: 'wang' }, ['wang'], { assigneePersonId: 'wang', actingForPersonId: null }],
    ['someone else away', { holder: 'wang', backupHolder: 'liu' }, ['chen'], { assigneePersonId: 'wang', actingForPersonId: null }],
  ])('%s', (_name, staffing, absent, expected) => {
    expect(routeTask(staffing, new Set(absent))).toEqual(expected);
  });
});
