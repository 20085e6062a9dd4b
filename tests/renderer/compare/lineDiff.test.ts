import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../renderer/src/compare/lineDiff';

const brief = (rows: ReturnType<typeof lineDiff>): string[] => rows.map((r) => `${r.before ?? '-'} ${r.after ?? '-'} ${r.kind} ${r.text}`);

describe('lineDiff', () => {
  it('numbers each line in the text it belongs to: a line added in the middle shifts the second text only', () => {
    const before = 'flowchart LR\nU --> API\nAPI --> DB';
    const after = 'flowchart LR\nU --> API\nAPI --> C\nAPI --> DB';
    expect(brief(lineDiff(before, after))).toEqual(['1 1 same flowchart LR', '2 2 same U --> API', '- 3 added API --> C', '3 4 same API --> DB']);
  });

  it('shows a changed line as removed then added', () => {
    expect(brief(lineDiff('flowchart LR\nA --> B\n', 'flowchart LR\nA --> C\n'))).toEqual([
      '1 1 same flowchart LR',
      '2 - removed A --> B',
      '- 2 added A --> C',
    ]);
  });

  it('does not mark every line of a CRLF text, nor a missing final newline', () => {
    expect(brief(lineDiff('flowchart LR\r\nA --> B\r\n', 'flowchart LR\nA --> B'))).toEqual(['1 1 same flowchart LR', '2 2 same A --> B']);
  });

  it('an empty first text is all added', () => {
    expect(brief(lineDiff('', 'flowchart LR\nA'))).toEqual(['- 1 added flowchart LR', '- 2 added A']);
  });
});
