import { describe, expect, it } from 'vitest';
import { checkWithMermaid, lineMapped, mermaidNodes } from '../../../scripts/eval/mermaidRead';

describe('lineMapped keeps the line count and maps Mermaid lines back to input lines', () => {
  it.each<[string, string, number[]]>([
    ['plain', 'flowchart LR\nA-->B', [1, 2]],
    ['leading blank lines and comments are trimmed by Mermaid', '\n%% note\nflowchart LR\nA-->B', [3, 4]],
    ['front matter', '---\ntitle: x\n---\nflowchart LR\nA-->B', [4, 5]],
    ['multi-line directive', '%%{init: {\n "theme": "dark"\n}}%%\ngraph TD\nA-->B', [4, 5]],
    ['blank lines after a closing brace are dropped', 'graph TD\nA{x}\n\n\nB-->C', [1, 2, 5]],
  ])('%s', (_name, input, expected) => {
    const { text, originalLine } = lineMapped(input);
    expect(text.split('\n')).toHaveLength(input.split('\n').length);
    expect(originalLine).toEqual(expected);
  });
});

describe('checkWithMermaid', () => {
  it.each<[string, string, { valid: boolean; line?: number; column?: number }]>([
    ['a valid flowchart', 'flowchart LR\n  A[Client] --> B[(DB)]\n', { valid: true }],
    ['unquoted parenthesis, after front matter and blank lines', '---\ntitle: t\n---\nflowchart LR\n  %% c\n  A --> B{x}\n\n\n  B --> C[oops(]\n', { valid: false, line: 9, column: 15 }],
    ['stray bracket after a comment line (lexical error)', 'graph TD\n%% x\n A-->B]\n', { valid: false, line: 3, column: 7 }],
    ['subgraph without end: stops at the end of the last non-blank line', 'graph TD\n subgraph S\n A-->B\n\n', { valid: false, line: 3, column: 7 }],
    ['stray link start on the last line', 'flowchart LR\n A --> B\n---\n', { valid: false, line: 3, column: 4 }],
    ['unclosed shape after a multi-line directive', '\n\n%%{init: {\n "theme": "dark"\n}}%%\ngraph TD\n A-->B\n A --> C((x)\n', { valid: false, line: 8 }],
  ])('%s', async (_name, text, expected) => {
    expect(await checkWithMermaid(text)).toMatchObject(expected);
  });

  it('reports a non-flowchart diagram as valid with its type', async () => {
    expect(await checkWithMermaid('sequenceDiagram\n A->>B: hi\n')).toEqual({ valid: true, diagramType: 'sequence' });
  });
});

describe('mermaidNodes', () => {
  it('lists node ids Mermaid creates, including edge-only nodes, without subgraph ids', async () => {
    const nodes = await mermaidNodes('flowchart LR\n subgraph S[Back end]\n  API[Orders API]\n end\n U --> API --> DB[(Orders DB)]\n U --> S\n');
    expect([...nodes.keys()].sort()).toEqual(['API', 'DB', 'U']);
    expect(nodes.get('DB')).toBe('Orders DB');
  });
});
