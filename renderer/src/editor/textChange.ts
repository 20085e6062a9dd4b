/** One replacement that turns a text into another: `before.slice(0, from) + insert + before.slice(to)`. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single replacement from `before` to `after`, found by their common prefix and then
 * their common suffix (the suffix never reaches back into the prefix); undefined when they are equal.
 * Offsets are UTF-16 code units, as CodeMirror's are, and never split a surrogate pair.
 */
export function changedRange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Stopped between the halves of one character: its high half goes with the change.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const most = shorter - prefix;
  while (suffix < most && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { from: prefix, to: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}

