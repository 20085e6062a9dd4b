import { describe, expect, it } from 'vitest';
import { neutraliseMarkup, neutraliseSource } from '../../../renderer/src/mermaid/markup';

describe('neutraliseMarkup (what Mermaid parses inside the render frame)', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src=x data-sysdrill-removed=alert(1)>'],
    ['<img src="x"onerror="alert(1)">', '<img src="x"data-sysdrill-removed="alert(1)">'],
    ['<img/onload=alert(1)>', '<img/data-sysdrill-removed=alert(1)>'],
    ['<div ONCLICK="x()" style="color:red">hi</div>', '<div data-sysdrill-removed="x()" data-sysdrill-removed="color:red">hi</div>'],
    ['<svg><style>g{fill:red}</style></svg>', '<svg><sysdrill-removed-style>g{fill:red}</sysdrill-removed-style></svg>'],
    ['<b>bold</b> and <br/>', '<b>bold</b> and <br/>'],
  ])('neutralises %j', (input, output) => {
    expect(neutraliseMarkup(input)).toBe(output);
  });

  it.each(['replicas one=3 style=compact', 'Orders onerror=1 &lt;style&gt;', 'Service (v2) · Postgres · shard: user_id'])(
    'leaves text outside tags alone: %j',
    (text) => {
      expect(neutraliseMarkup(text)).toBe(text);
    },
  );

  it('keeps ordinary attributes such as ids, classes and data attributes', () => {
    const markup = '<g id="n1" class="node onboarding" data-id="A" transform="translate(1,2)"><text>stylish</text></g>';
    expect(neutraliseMarkup(markup)).toBe(markup);
  });
});

describe('neutraliseSource (the diagram text handed to Mermaid)', () => {
  it.each([
    ['A["<img src=x onerror=alert(1)> Orders"] --> B', 'A["<img src=x xnerror=alert(1)> Orders"] --> B'],
    ['A["<b style=\'color:red\'>DB</b>"]', 'A["<b xtyle=\'color:red\'>DB</b>"]'],
    ['A["<style>*{display:none}</style>x"]', 'A["<xtyle>*{display:none}</xtyle>x"]'],
  ])('defuses %j', (input, output) => {
    expect(neutraliseSource(input)).toBe(output);
  });

  it('keeps every line and column where it was, so parse errors still point at the user’s text', () => {
    const text = 'flowchart LR\n  A["<img src=x onerror=alert(1) style=x>"] --> B\n  B --> C[(<style>db</style>)]';
    const defused = neutraliseSource(text);
    expect(defused).not.toBe(text);
    expect(defused.split('\n').map((line) => line.length)).toEqual(text.split('\n').map((line) => line.length));
  });

  it('leaves ordinary flowchart syntax untouched', () => {
    const text = 'flowchart LR\n  A <--> B\n  B -- style=x --> C\n  classDef hot fill:#f00\n  style A stroke:#333';
    expect(neutraliseSource(text)).toBe(text);
  });
});
