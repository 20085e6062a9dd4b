import { describe, expect, it } from 'vitest';
import { boxesWithUnknownKinds, kindNamed, readKindOverrides, withKindOverride } from '../../../rubrics/parse/kindOverrides';
import type { NodeKind } from '../../../rubrics/vocabulary';

describe('readKindOverrides: the author sets a box kind with a %% sysdrill: line', () => {
  it.each<[string, string, NodeKind]>([
    ['the kind title', '%% sysdrill: Pay is external service', 'external'],
    ['an article and a full stop', '%%sysdrill: Pay is an external service.', 'external'],
    ['"as" and the kind id', '  %% Sysdrill : Pay as load_balancer', 'load_balancer'],
    ['a hyphenated synonym', '%% sysdrill: Pay is a third-party', 'external'],
    ['upper case', '%% SYSDRILL: Pay IS DATABASE', 'database'],
    ['a short name', '%% sysdrill: Pay is the LB', 'load_balancer'],
  ])('reads %s', (_, line, kind) => {
    const read = readKindOverrides(`flowchart LR\n  Pay --> X\n${line}\n`);
    expect(read.kinds).toEqual({ Pay: kind });
    expect(read.problems).toEqual([]);
    expect(read.lines).toEqual([expect.objectContaining({ id: 'Pay', kind, line: 3 })]);
  });

  it.each([
    ['a plain comment', '%% Pay is external service'],
    ['an init directive', '%%{init: {"theme": "dark"}}%%'],
    ['a label that mentions it', 'A["%% sysdrill: Pay is cache"]'],
  ])('ignores %s', (_, line) => {
    expect(readKindOverrides(`flowchart LR\n${line}\n`)).toEqual({ kinds: {}, lines: [], problems: [] });
  });

  it.each([
    ['a kind it does not know', '%% sysdrill: Pay is lizard', 3, 21, /"lizard" is not a kind Sysdrill knows; write one of: client, DNS, .*external service, component\./],
    ['no kind after the id', '%% sysdrill: Pay is', 3, 14, /^Write which box is what, e\.g\. `%% sysdrill: Pay is external service`\.$/],
    ['no "is"', '   %% sysdrill: Pay external', 3, 17, /^Write which box is what/],
    ['nothing at all', '%% sysdrill:', 3, 13, /^Write which box is what/],
  ])('locates %s by line and column, and sets nothing', (_, line, at, column, message) => {
    const read = readKindOverrides(`flowchart LR\n  Pay --> X\n${line}`);
    expect(read.kinds).toEqual({});
    expect(read.problems).toEqual([{ line: at, column, message: expect.stringMatching(message) }]);
  });

  it.each([
    ['an unknown kind: its box', '%% sysdrill: nosuchbox is thingamajig', [{ id: 'nosuchbox', line: 3, column: 14 }]],
    ['an unknown kind, indented, with an article: its box', '   %% sysdrill: Pay as a lizard.', [{ id: 'Pay', line: 3, column: 17 }]],
    ['a known kind: none', '%% sysdrill: nosuchbox is cache', []],
    ['no kind after "is": none', '%% sysdrill: nosuchbox is ', []],
    ['no "is": none', '%% sysdrill: nosuchbox thingamajig', []],
  ])('names the box of a line whose kind is unknown, so its id is checked too: %s', (_, line, boxes) => {
    expect(boxesWithUnknownKinds(`flowchart LR\n  Pay --> X\n${line}`)).toEqual(boxes);
  });

  it('lets a later line for the same box win and says so at the earlier line', () => {
    const read = readKindOverrides('flowchart LR\n%% sysdrill: A is cache\nA --> B\n%% sysdrill: A is database\r\n');
    expect(read.kinds).toEqual({ A: 'database' });
    expect(read.problems).toEqual([{ line: 2, column: 14, message: '`A` is set again on line 4; that line counts.' }]);
  });

  it('reads the kind before any run of closing spaces and full stops', () => {
    expect(readKindOverrides(`%% sysdrill: A is cache${' .'.repeat(20_000)}x`).problems).toHaveLength(1);
    expect(readKindOverrides(`%% sysdrill: A is cache${' .'.repeat(20_000)}`).kinds).toEqual({ A: 'cache' });
  });

  it('names every kind by its title', () => {
    for (const [words, kind] of [['search index', 'search'], ['object storage', 'object_storage'], ['component', 'other'], ['API Gateway', 'api_gateway']] as const) {
      expect(kindNamed(words)).toBe(kind);
    }
    expect(kindNamed('payment')).toBeUndefined();
  });
});

describe('withKindOverride: the text after the user picks a kind', () => {
  it.each<[string, string, string, NodeKind | undefined, string]>([
    ['adds a line at the end', 'flowchart LR\n  A --> B\n', 'B', 'cache', 'flowchart LR\n  A --> B\n%% sysdrill: B is cache\n'],
    ['adds a line to text with no final newline', 'flowchart LR\n  A --> B', 'B', 'external', 'flowchart LR\n  A --> B\n%% sysdrill: B is external service'],
    ['keeps CRLF line ends', 'flowchart LR\r\n  A --> B\r\n', 'A', 'client', 'flowchart LR\r\n  A --> B\r\n%% sysdrill: A is client\r\n'],
    ['replaces the line where it was, keeping its indent', 'flowchart LR\n  %% sysdrill: B is cache\n  A --> B\n', 'B', 'database', 'flowchart LR\n  %% sysdrill: B is database\n  A --> B\n'],
    ['removes every line for the box', 'flowchart LR\n%% sysdrill: B is cache\n  A --> B\n%% sysdrill: B is queue\n', 'B', undefined, 'flowchart LR\n  A --> B\n'],
    ['leaves another box line alone', 'flowchart LR\n%% sysdrill: A is client\n  A --> B\n', 'B', undefined, 'flowchart LR\n%% sysdrill: A is client\n  A --> B\n'],
    ['does not take a longer id for the box', 'flowchart LR\n%% sysdrill: B2 is cache\n', 'B', 'queue', 'flowchart LR\n%% sysdrill: B2 is cache\n%% sysdrill: B is queue\n'],
    ['writes into empty text', '', 'A', 'service', '%% sysdrill: A is service'],
  ])('%s', (_, text, id, kind, expected) => {
    expect(withKindOverride(text, id, kind)).toBe(expected);
  });

  it('writes a line that reads back as the kind it was given, for every kind', () => {
    const kinds: NodeKind[] = ['client', 'dns', 'cdn', 'load_balancer', 'api_gateway', 'web_server', 'service', 'worker', 'cache', 'database', 'object_storage', 'queue', 'stream', 'search', 'monitoring', 'external', 'other'];
    for (const kind of kinds) expect(readKindOverrides(withKindOverride('flowchart LR\n  A --> B\n', 'A', kind)).kinds).toEqual({ A: kind });
  });
});
