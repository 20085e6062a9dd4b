/** Where a node is defined in the Mermaid text: the line to select when a finding names it. */
export interface NodeLocation {
  /** 1-based line. */
  readonly line: number;
  /** Offsets in the text of the line's content (indentation excluded). */
  readonly from: number;
  readonly to: number;
}

const escape = (id: string): string => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first line that gives the node a shape (`App[…]`, `DB[(…)]`), else the first line naming it
 * at all; comment lines are skipped. An id inside another id (`App` in `AppCache`) does not count.
 */
export function locateNode(text: string, id: string): NodeLocation | undefined {
  const token = escape(id);
  const shaped = new RegExp(`(?:^|[^\\w-])${token}\\s*[[({>]`);
  const named = new RegExp(`(?:^|[^\\w-])${token}(?![\\w-])`);
  const lines = text.split('\n');
  const find = (pattern: RegExp): NodeLocation | undefined => {
    let offset = 0;
    for (const [index, line] of lines.entries()) {
      if (!line.trimStart().startsWith('%%') && pattern.test(line)) {
        const indent = line.length - line.trimStart().length;
        return { line: index + 1, from: offset + indent, to: offset + line.trimEnd().length };
      }
      offset += line.length + 1;
    }
    return undefined;
  };
  return find(shaped) ?? find(named);
}
