import { beforeAll, describe, expect, it } from 'vitest';
import { quoteEdgeLabel, quoteNodeLabels, quoteSubgraphTitle } from '../../../rubrics/parse/errors';
import { loadMermaid, parseMermaid, PARSE_LIMITS } from '../../../rubrics/parse/node/index';
import { inputPosition, prepareSource } from '../../../rubrics/parse/preprocess';

beforeAll(async () => {
  await loadMermaid();
});

describe('label quoting fixes (pure)', () => {
  it.each([
    ['A[foo (bar)] --> B', 'A["foo (bar)"] --> B'],
    ['  A[a [b] c]', '  A["a [b] c"]'],
    ['A(x (y)) --> B[(DB)]', 'A("x (y)") --> B[(DB)]'],
    ['A[(Orders (v2))] --> B', 'A[("Orders (v2)")] --> B'],
    ['A{{a|b}}', 'A{{"a|b"}}'],
    ['A["already (quoted)"] --> B', 'A["already (quoted)"] --> B'],
    ['A[plain] --> B[text]', 'A[plain] --> B[text]'],
    ['A[say "hi" (now)]', 'A["say #quot;hi#quot; (now)"]'],
  ])('quoteNodeLabels(%j)', (line, fixed) => {
    expect(quoteNodeLabels(line)).toBe(fixed);
  });

  it.each([
    ['A -->|a|b| B', 'A -->|"a|b"| B'],
    ['A -->|read (cached)| B', 'A -->|"read (cached)"| B'],
    ['A -->|plain| B', 'A -->|plain| B'],
  ])('quoteEdgeLabel(%j)', (line, fixed) => {
    expect(quoteEdgeLabel(line)).toBe(fixed);
  });

  it.each([
    ['subgraph S [a|b]', 'subgraph S ["a|b"]'],
    ['  subgraph Data (EU)', '  subgraph "Data (EU)"'],
    ['subgraph Plain title', 'subgraph Plain title'],
  ])('quoteSubgraphTitle(%j)', (line, fixed) => {
    expect(quoteSubgraphTitle(line)).toBe(fixed);
  });
});

describe('line-preserving preprocessing', () => {
  it('removes front matter and comments as Mermaid does, and maps what is left back to the input', () => {
    const source = prepareSource('---\ntitle: x\n---\n%% note\nflowchart LR\n  A --> B\n');
    expect(source.text).toBe('flowchart LR\n  A --> B\n');
    expect(source.headerLine).toBe(5);
    expect(source.frontMatter).toEqual([{ block: '---\ntitle: x\n---\n', line: 1 }]);
    expect(inputPosition(source, source.lexed.indexOf('B'))).toEqual({ line: 6, column: 9 });
  });
});

interface BrokenCase {
  readonly name: string;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** The corrected line the hint must contain (undefined: no hint expected). */
  readonly fixedLine?: string;
  readonly missingEnd?: boolean;
}

const BROKEN: readonly BrokenCase[] = [
  { name: 'unquoted parentheses in a label', text: 'flowchart LR\n  A[Cache (Redis)] --> B\n', line: 2, column: 11, fixedLine: 'A["Cache (Redis)"] --> B' },
  { name: 'brackets inside a label', text: 'flowchart LR\n  A --> B\n  C[list [x] y] --> A\n', line: 3, column: 10, fixedLine: 'C["list [x] y"] --> A' },
  { name: 'pipe inside an edge label', text: 'flowchart LR\n  A -->|read|write| B\n', line: 2, column: 19, fixedLine: 'A -->|"read|write"| B' },
  { name: 'pipe inside a subgraph title', text: 'flowchart LR\n  subgraph S [a|b]\n    A\n  end\n', line: 2, column: 16, fixedLine: 'subgraph S ["a|b"]' },
  { name: 'parentheses in a subgraph title', text: 'flowchart LR\n  subgraph Data (EU)\n    A\n  end\n', line: 2, column: 17, fixedLine: 'subgraph "Data (EU)"' },
  { name: 'missing end', text: 'flowchart LR\n  subgraph Tier\n    A --> B\n', line: 3, column: 12, missingEnd: true },
  { name: 'error after front matter and comments is located in the original text', text: '---\ntitle: t\n---\nflowchart LR\n  %% note\n\n  A[Feed (v2)] --> B\n', line: 7, column: 10, fixedLine: 'A["Feed (v2)"] --> B' },
  { name: 'not a flowchart', text: 'hello world\n', line: 1, column: 1 },
  // Mermaid's span for these starts at the end of the line before, or on the line a label was left open.
  { name: 'a label left open is located where it opens, not where Mermaid gave up', text: 'flowchart LR\n  A[Orders service\n  B --> C[(DB)]\n', line: 2, column: 5 },
  { name: 'a stray table row is located on its own line', text: 'flowchart LR\n  A --> B\n\n| a | b |\n', line: 4, column: 1 },
  { name: 'a stray end is located on its own line', text: 'flowchart LR\n  A --> B\n  end\n', line: 3, column: 3 },
  // Mermaid's lexer loses count of the blank lines after a diamond: the line is where the token begins.
  { name: 'a mistake after a diamond and a blank line is on its own line', text: 'flowchart LR\n  A --> K{Kafka / Redpanda}\n\n  K --> W[Worker (F)]\n', line: 4, column: 18, fixedLine: 'K --> W["Worker (F)"]' },
  // Habits from other languages and tools, each with the line that fixes it.
  { name: 'a // comment after a statement becomes a %% line', text: 'flowchart LR\n  A --> B // the call\n', line: 2, column: 11, fixedLine: 'A --> B' },
  { name: 'a // comment line becomes a %% line', text: 'flowchart LR\n  // the user path\n  A --> B\n', line: 2, column: 6, fixedLine: '%% the user path' },
  { name: 'an emoji glued to a node id moves out of the id', text: 'flowchart LR\n  Robots🤖["🤖 ROS Robots"] --> B\n', line: 2, column: 9, fixedLine: 'Robots["🤖 ROS Robots"] --> B' },
  { name: 'two dashes with no arrow after them become a plain line', text: 'flowchart LR\n  A --> M\n  M -- P["Prometheus"]\n', line: 3, column: 10, fixedLine: 'M --- P["Prometheus"]' },
  { name: 'a URL in a label is not read as a // comment', text: 'flowchart LR\n  A[http://api] -- P["Prometheus"]\n', line: 2, column: 22, fixedLine: 'A[http://api] --- P["Prometheus"]' },
  { name: 'the keyword end as a node id is capitalised', text: 'flowchart LR\n  A --> end[(Store)]\n', line: 2, column: 9, fixedLine: 'A --> End[(Store)]' },
  { name: 'the keyword graph starting a statement is capitalised', text: 'flowchart LR\n  A --> B\n  graph --> B\n', line: 3, column: 3, fixedLine: 'Graph --> B' },
  { name: 'a title after the header moves to front matter', text: 'graph "Order system"\n  A --> B\n', line: 1, column: 6, fixedLine: 'graph TD' },
  { name: 'a title after the header and its direction', text: 'flowchart LR "Order system"\n  A --> B\n', line: 1, column: 14, fixedLine: 'flowchart LR' },
  { name: 'a mistake after a diamond and two blank lines is on its own line', text: 'flowchart LR\n  A -->|e| K{K}\n\n\n  K --> W[Worker (F)]\n', line: 5, column: 18, fixedLine: 'K --> W["Worker (F)"]' },
];

describe('located parse errors with fix hints', () => {
  it.each(BROKEN)('$name', async (c) => {
    const result = await parseMermaid(c.text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [error] = result.errors;
    expect(error).toBeDefined();
    expect([error?.line, error?.column]).toEqual([c.line, c.column]);
    expect(error?.message.length).toBeGreaterThan(10);
    if (c.fixedLine !== undefined) {
      expect(error?.hint).toContain(c.fixedLine);
      // The corrected line really fixes the diagram.
      const lines = c.text.split('\n');
      lines[c.line - 1] = `  ${c.fixedLine}`;
      expect((await parseMermaid(lines.join('\n'))).ok).toBe(true);
    }
    if (c.missingEnd === true) {
      expect(error?.hint).toMatch(/`end`/);
      expect((await parseMermaid(`${c.text}  end\n`)).ok).toBe(true);
    }
  });

  it('refuses a sequence diagram with a clear message', async () => {
    const result = await parseMermaid('sequenceDiagram\n  A->>B: hi\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/flowchart/);
  });

  it('refuses empty input', async () => {
    const result = await parseMermaid('  \n\n');
    expect(result.ok).toBe(false);
  });

  it('refuses text over the size limit before running Mermaid, naming the limit', async () => {
    const text = `flowchart LR\n${'  A --> B\n'.repeat(PARSE_LIMITS.maxChars / 10 + 1)}`;
    const result = await parseMermaid(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(String(PARSE_LIMITS.maxChars));
  });
});

describe('everything Mermaid 11 accepts for flowcharts parses', () => {
  it.each([
    ['a multi-line init directive with a comment inside', '%%{\n  init: {\n    "theme": "dark", /* a comment */\n    "flowchart": { "curve": "basis" }\n  }\n}%%\nflowchart LR\n  A --> B', ['A', 'B']],
    ['a one-line init directive', '%%{init: {"theme":"dark"}}%%\nflowchart LR\n  A --> B', ['A', 'B']],
    ['front matter with config', '---\ntitle: Shop\nconfig:\n  theme: dark\n---\nflowchart LR\n  A --> B', ['A', 'B']],
    ['click lines', 'flowchart LR\n  A --> B\n  click A "https://example.com" "tip"\n  click B callback', ['A', 'B']],
    ['class shorthand and classDef', 'flowchart LR\n  A:::db --> B\n  classDef db fill:#f9f', ['A', 'B']],
    ['@{ } shapes', 'flowchart LR\n  A@{ shape: procs, label: "Workers" }\n  B@{ shape: cyl }\n  A --> B', ['A', 'B']],
    ['& chains', 'flowchart LR\n  A & B --> C & D', ['A', 'B', 'C', 'D']],
    ['markdown strings', 'flowchart LR\n  A["`**Bold** and _it_`"] --> B', ['A', 'B']],
    ['a flowchart laid out by ELK', '%%{init: {"flowchart": {"defaultRenderer": "elk"}}}%%\nflowchart LR\n  A --> B', ['A', 'B']],
    ['the flowchart-elk header', 'flowchart-elk LR\n  A --> B', ['A', 'B']],
  ] as const)('%s', async (_name, text, ids) => {
    const result = await parseMermaid(text);
    expect(result.ok && result.flowchart.vertices.map((v) => v.id)).toEqual(ids);
  });
});

describe('the character Mermaid stopped at is named whole', () => {
  it('an emoji (two UTF-16 units) is quoted as the emoji, not half of it', async () => {
    const result = await parseMermaid('flowchart LR\n  A🚀 --> B\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toBe('Mermaid could not read line 2: unexpected "🚀" at column 4.');
  });
});

describe('rejected diagrams are located where Mermaid stopped, with a corrected line', () => {
  it.each([
    ['a stray ] on line 5', 'flowchart LR\n  A --> B\n  B --> C\n  C --> D\n  D --> E]\n  E --> F', 5, 10, 'D --> E'],
    ['a stray ) after a comment line', 'flowchart LR\n  %% the path\n  A --> B)', 3, 10, 'A --> B'],
    ['a stray ] after a multi-line directive', '%%{\n  init: { "theme": "dark" }\n}%%\nflowchart LR\n  A --> B]', 5, 10, 'A --> B'],
    ['a single-dash arrow', 'flowchart LR\n  A -> B', 2, 5, 'A --> B'],
  ] as const)('%s', async (_name, text, line, column, corrected) => {
    const result = await parseMermaid(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [error] = result.errors;
    expect({ line: error?.line, column: error?.column }).toEqual({ line, column });
    expect(error?.hint).toContain(corrected);
  });
});
