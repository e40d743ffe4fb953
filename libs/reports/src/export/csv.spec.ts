import { csvCell, shanghaiText, toCsv } from './csv.js';

describe('csvCell', () => {
  it.each<[string | number | null, string]>([
    ['普通文本', '普通文本'],
    ['a,b', '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ['两行\n文本', '"两行\n文本"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1+1', "'-1+1"],
    [-3, '-3'],
    [null, ''],
  ])('%j → %j', (input, out) => expect(csvCell(input)).toBe(out));
});

describe('shanghaiText', () => {
  it.each<[string, 'date' | 'datetime', string]>([
    ['2026-11-26T16:30:00Z', 'date', '2026-11-27'],
    ['2026-11-26T02:05:00Z', 'datetime', '2026-11-26 10:05'],
  ])('%s as %s → %s', (iso, kind, out) => expect(shanghaiText(new Date(iso), kind)).toBe(out));
});

describe('toCsv', () => {
  it('starts with a BOM and uses CRLF', () => {
    const buf = toCsv([{ header: '事项', value: (r: { t: string }) => r.t }], [{ t: 'x,y' }]);
    expect(buf.toString('utf8')).toBe('\uFEFF事项\r\n"x,y"\r\n');
  });
});
