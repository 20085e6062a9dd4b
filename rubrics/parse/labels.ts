/**
 * Label text clean-up shared by every parse adapter: what a person reads in the rendered box.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·',
  times: '×',
  rarr: '→',
  larr: '←',
  harr: '↔',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  bull: '•',
  copy: '©',
  reg: '®',
  deg: '°',
  semi: ';',
  colon: ':',
  num: '#',
  vert: '|',
  verbar: '|',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lcub: '{',
  rcub: '}',
  lbrace: '{',
  rbrace: '}',
};

function fromCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/**
 * Mermaid rewrites its own `#name;` / `#123;` entity syntax into private placeholder markers
 * before parsing (`ﬂ°name¶ß`, `ﬂ°°123¶ß`); both those and standard HTML entities are decoded here.
 */
export function decodeEntities(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (whole, digits: string) => fromCodePoint(Number(digits), whole))
    .replace(/ﬂ°(\w+)¶ß/g, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole)
    .replace(/&#x([0-9a-f]+);/gi, (whole, hex: string) => fromCodePoint(parseInt(hex, 16), whole))
    .replace(/&#(\d+);/g, (whole, digits: string) => fromCodePoint(Number(digits), whole))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole);
}

/** Turns a raw Mermaid label into the plain text a reader sees, on one line. */
export function cleanLabel(raw: string): string {
  return cleanLabelLines(raw).replace(/\n/g, ' ');
}

/** `cleanLabel`, keeping each line break (`<br>`, a newline in a markdown string) as `\n`. */
export function cleanLabelLines(raw: string): string {
  // Literal surrounding quotes are Mermaid string delimiters; quotes written as entities are content.
  const trimmed = raw.trim();
  const unquoted = /^"([\s\S]*)"$/.exec(trimmed)?.[1] ?? /^'([\s\S]*)'$/.exec(trimmed)?.[1] ?? trimmed;
  // A literal `\n` is how many authors write a line break; Mermaid renders most of them as one.
  const withoutTags = unquoted.replace(/<br\s*\/?>|\\n/gi, '\n').replace(/<\/?[a-z][^>]*>/gi, ' ');
  const decoded = decodeEntities(withoutTags);
  const withoutMarkdown = decoded
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,:;])/g, '$1$2')
    .replace(/`/g, '');
  return withoutMarkdown
    .split(/\s*\n\s*/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
