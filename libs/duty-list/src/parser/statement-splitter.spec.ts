import { cleanCell, cleanStatement, splitStatements } from './statement-splitter.js';

describe('splitStatements', () => {
  it.each<[string, string, string[]]>([
    ['dot numbering with spaces', '1. 负责A工作。 2. 负责B工作。', ['负责A工作。', '负责B工作。']],
    ['dot numbering without spaces after 。', '1.负责A工作。2.负责B工作。', ['负责A工作。', '负责B工作。']],
    ['full-width dot', '1．负责A工作。 2．配合业务岗2。', ['负责A工作。', '配合业务岗2。']],
    ['顿号 numbering', '1、负责A工作。2、负责B工作。', ['负责A工作。', '负责B工作。']],
    ['full-width parentheses', '（1）决策责任：甲。（2）审核责任：乙。', ['决策责任：甲。', '审核责任：乙。']],
    ['half-width parentheses', '(1) 甲工作 (2) 乙工作', ['甲工作', '乙工作']],
    ['circled numbers', '①甲工作。②乙工作。', ['甲工作。', '乙工作。']],
    ['single numbered statement', '1. 负责国土空间规划科全面工作。', ['负责国土空间规划科全面工作。']],
    ['numbering split across lines', '1. 负责A\n工作。\n2. 负责B工作。', ['负责A 工作。', '负责B工作。']],
    ['un-numbered single statement', '负责违法占用耕地线索的收集与移送。', ['负责违法占用耕地线索的收集与移送。']],
    ['un-numbered sentences separated by whitespace', '拟定相关文件。 承担日常管理工作。 ', ['拟定相关文件。', '承担日常管理工作。']],
    ['un-numbered lines', '甲工作\n乙工作', ['甲工作', '乙工作']],
    ['semicolon clauses stay one statement', '开展甲工作； 完成乙任务。', ['开展甲工作； 完成乙任务。']],
    ['text before the first marker is its own statement', '负责以下工作：1. 甲 2. 乙', ['负责以下工作：', '甲', '乙']],
    ['nested numbering stays inside its statement', '1. 审核责任：（1）审查甲；（2）审查乙。 2. 上报责任：上报。', ['审核责任：（1）审查甲；（2）审查乙。', '上报责任：上报。']],
    ['out-of-sequence number is text', '1. 管理3. 5亩以下用地 2. 其他', ['管理3. 5亩以下用地', '其他']],
    ['decimal numbers are not markers', '1. 核定1.5公顷用地。 2. 其他。', ['核定1.5公顷用地。', '其他。']],
    ['numbers inside words are not markers', '依据第1、2条办理。 配合业务岗1。', ['依据第1、2条办理。', '配合业务岗1。']],
    ['trailing semicolons are dropped, 。 kept', '1. 甲工作; 2. 乙工作； 3. 丙工作。', ['甲工作', '乙工作', '丙工作。']],
    ['whitespace collapsed (NBSP, U+3000, tabs)', '1. 甲\u00a0\u00a0工作\u3000 内容\t。', ['甲 工作 内容 。']],
    ['empty numbered entries dropped', '1. 2. 乙工作', ['乙工作']],
    ['empty cell', '   ', []],
  ])('%s', (_name, cell, expected) => {
    expect(splitStatements(cell)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    [
      '<p> paragraphs with numbering (source 业务岗2)',
      '<p>1. 负责政策解读, 指导各区做好上报等工作;</p> <p>2. 根据工作要求, 做好管理等工作。</p>',
      ['负责政策解读, 指导各区做好上报等工作', '根据工作要求, 做好管理等工作。'],
    ],
    ['<p> paragraphs without numbering', '<p>甲工作。</p><p>乙工作。</p>', ['甲工作。', '乙工作。']],
    [
      '<ol style=…> without <li> (source 业务岗4)',
      '<ol style="list-style-type: none"> 拟定相关文件。 承担日常管理工作。 ',
      ['拟定相关文件。', '承担日常管理工作。'],
    ],
    [
      '<ol style=…><li> items',
      '<ol style="margin-left: 0px"><li>协助科长工作。</li><li>负责组织协调工作。</li></ol>',
      ['协助科长工作。', '负责组织协调工作。'],
    ],
    ['<ul><li> with attributes on li', '<ul><li class="x">甲</li><li data-a="1">乙</li></ul>', ['甲', '乙']],
    ['<br> separates statements', '甲工作<br>乙工作<br/>丙工作', ['甲工作', '乙工作', '丙工作']],
    ['inline tags are removed without splitting', '<p>负责<strong>重点</strong>项目<span style="color:red">督办</span>。</p>', ['负责重点项目督办。']],
    ['&nbsp; becomes a collapsed space', '<p>耕地占补平衡&nbsp;&nbsp;监管。</p>', ['耕地占补平衡 监管。']],
    ['&lt; &gt; &amp; &quot; decoded', '<li>材料&lt;含报表&gt;&amp;附件&quot;A&quot;</li>', ['材料<含报表>&附件"A"']],
    ['numeric entities decoded', '<p>&#20013;&#x6587;&#12290;</p>', ['中文。']],
    ['escaped tags stay literal text', '<p>&lt;p&gt;原文&lt;/p&gt;</p>', ['<p>原文</p>']],
    ['unknown entities kept', '<p>A &foo; B</p>', ['A &foo; B']],
    ['HTML comments removed', '<p>甲<!-- 备注 -->工作</p>', ['甲工作']],
    ['entities without tags decoded', '甲&nbsp;工作&amp;乙', ['甲 工作&乙']],
  ])('HTML: %s', (_name, cell, expected) => {
    expect(splitStatements(cell)).toEqual(expected);
  });

  it('returns no statements for a missing cell', () => {
    expect(splitStatements(undefined)).toEqual([]);
  });
});

describe('cleanStatement / cleanCell', () => {
  it.each([
    ['  甲  乙  ', '甲 乙'],
    ['甲工作;', '甲工作'],
    ['甲工作；；', '甲工作'],
    ['甲工作 ; ', '甲工作'],
    ['甲工作。', '甲工作。'],
    ['\n甲\r\n乙\n', '甲 乙'],
  ])('cleanStatement(%j) → %j', (input, expected) => {
    expect(cleanStatement(input)).toBe(expected);
  });

  it.each([
    ['<p>详见 07-2-1 07-2-2</p>', '详见 07-2-1 07-2-2'],
    ['<p>甲</p><p>乙</p>', '甲 乙'],
    ['业务岗2:&nbsp;村镇规划工作', '业务岗2: 村镇规划工作'],
  ])('cleanCell(%j) → %j', (input, expected) => {
    expect(cleanCell(input)).toBe(expected);
  });
});
