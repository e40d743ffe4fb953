import { manifest, sha256Hex } from './bundle-manifest.rules.js';

describe('manifest', () => {
  const h = sha256Hex('task');

  it('writes sha256sum -c lines', () => {
    expect(manifest([{ path: 'task.json', sha256: h }, { path: 'files/1.pdf', sha256: 'a'.repeat(64) }])).toBe(
      `${h}  task.json\n${'a'.repeat(64)}  files/1.pdf\n`,
    );
  });

  it.each([
    ['../escape.pdf', h],
    ['/etc/passwd', h],
    ['files/会议纪要.pdf', h],
    ['files/a b.pdf', h],
    ['task.json', 'XYZ'],
  ])('refuses %s with %s', (path, sha256) => {
    expect(() => manifest([{ path, sha256 }])).toThrow();
  });

  it('hashes like sha256sum', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
