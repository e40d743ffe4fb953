import { csvCell, numberText, shanghaiText, toCsv } from './csv.js';

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

describe('numberText', () => {
  it.each<[number, 'percent' | 'decimal' | undefined, string]>([
    [0.75, 'percent', '75.0%'],
    [1 / 3, 'percent', '33.3%'],
    [0, 'percent', '0.0%'],
    [2, 'decimal', '2.0'],
    [1.25, 'decimal', '1.3'],
    [-3, undefined, '-3'],
    [12, undefined, '12'],
  ])('%p as %s → %s', (value, kind, out) => expect(numberText(value, kind)).toBe(out));
});

describe('toCsv', () => {
  it('starts with a BOM and uses CRLF', () => {
    const buf = toCsv([{ header: '事项', value: (r: { t: string }) => r.t }], [{ t: 'x,y' }]);
    expect(buf.toString('utf8')).toBe('\uFEFF事项\r\n"x,y"\r\n');
  });

  it('writes numbers unquoted and leaves empty figures empty', () => {
    type Row = { rate: number | null; delay: number | null };
    const buf = toCsv<Row>(
      [
        { header: '率', value: (r) => r.rate, number: 'percent' },
        { header: '延', value: (r) => r.delay, number: 'decimal' },
      ],
      [{ rate: 0.25, delay: -0.5 }, { rate: null, delay: null }],
    );
    expect(buf.toString('utf8')).toBe('\uFEFF率,延\r\n25.0%,-0.5\r\n,\r\n');
  });
});
