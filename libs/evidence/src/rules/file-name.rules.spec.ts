import { asciiFallback, contentDisposition, downloadName, encodeRfc5987, sanitizeFileName } from './file-name.rules.js';

describe('sanitizeFileName', () => {
  it.each([
    ['会议纪要.pdf', '会议纪要.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\wang\\规划图.png', '规划图.png'],
    ['a\r\nSet-Cookie: x=1.txt', 'a Set-Cookie_ x=1.txt'],
    ['bell\u0007.txt', 'bell.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['  .hidden  ', 'hidden'],
    ['文件<1>?.docx', '文件_1__.docx'],
    ['', '证据材料'],
    ['...', '证据材料'],
    ['tab\tand  spaces.txt', 'tab and spaces.txt'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const long = sanitizeFileName(`${'规'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('规.pdf')).toBe(true);
  });
});

describe('downloadName', () => {
  it.each<[string, string[], string]>([
    ['会议纪要.pdf', ['pdf'], '会议纪要.pdf'],
    ['扫描件.JPG', ['jpg', 'jpeg'], '扫描件.JPG'],
    ['run.bat', ['txt', 'csv'], 'run.bat.txt'],
    ['x.pdf', ['png'], 'x.pdf.png'],
    ['报告', ['docx'], '报告.docx'],
  ])('%s with %j → %s', (name, extensions, expected) => {
    expect(downloadName(name, extensions)).toBe(expected);
  });
});

describe('contentDisposition', () => {
  it.each([
    ['会议纪要.pdf', `attachment; filename="download.pdf"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81.pdf`],
    ['report 2026.pdf', `attachment; filename="report 2026.pdf"; filename*=UTF-8''report%202026.pdf`],
    ['2026年报告(终).docx', `attachment; filename="2026_(_).docx"; filename*=UTF-8''2026%E5%B9%B4%E6%8A%A5%E5%91%8A%28%E7%BB%88%29.docx`],
    ['a"b%d.txt', `attachment; filename="a_b_d.txt"; filename*=UTF-8''a_b%25d.txt`],
    ['x\r\nX-Evil: 1', `attachment; filename="x X-Evil_ 1"; filename*=UTF-8''x%20X-Evil_%201`],
  ])('%j', (name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });

  it.each(['a\r\nb', '"; filename*=x', '文\u0000件', "it's (mine)*.txt"])('never lets %j break out of the header', (name) => {
    const header = contentDisposition(name);
    expect(header).not.toMatch(/[\r\n\u0000]/);
    expect(header).toMatch(/^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });
});

describe('encodings', () => {
  it.each([
    ["it's (mine)*", 'it%27s%20%28mine%29%2A'],
    ['规划', '%E8%A7%84%E5%88%92'],
  ])('RFC 5987 %j → %s', (value, expected) => {
    expect(encodeRfc5987(value)).toBe(expected);
  });

  it.each([
    ['规划图.png', 'download.png'],
    ['2026年度.xlsx', '2026_.xlsx'],
  ])('ASCII fallback %j → %s', (value, expected) => {
    expect(asciiFallback(value)).toBe(expected);
  });
});
