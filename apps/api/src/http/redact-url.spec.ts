import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it.each([
    ['/api/calendar/feed.ics?token=abc123', '/api/calendar/feed.ics?token=***'],
    ['/api/calendar/feed.ics?x=1&token=abc&y=2', '/api/calendar/feed.ics?x=1&token=***&y=2'],
    ['/api/calendar/feed.ics?TOKEN=abc', '/api/calendar/feed.ics?TOKEN=***'],
    ['/api/calendar/feed.ics?%74oken=abc', '/api/calendar/feed.ics?%74oken=***'],
    ['/api/x?access_token=s3cret', '/api/x?access_token=***'],
    ['/api/tasks?status=ISSUED&tokenish=1', '/api/tasks?status=ISSUED&tokenish=1'],
    ['/api/tasks', '/api/tasks'],
    ['/api/x?token', '/api/x?token'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
