/**
 * Mermaid's `getConfig()` copy, about seven times faster. Installed into Mermaid's own chunk at
 * build time (scripts/build/mermaidConfigCopy.ts); runs in the render frame only.
 *
 * Mermaid hands every caller a fresh copy of its whole configuration (every diagram type's
 * section and ~320 theme variables), and its flowchart renderer asks for one per node, label and
 * edge: about 460 copies for a 40-node diagram, which were 40–60 % of the drawing's time. Its
 * copier (`assignWithDepth({}, config)`, depth 2) defines each property with
 * `Object.defineProperty` over `Object.entries`. This makes the same copy with plain stores:
 * - the top level and the level below are new objects;
 * - the third level is copied shallowly (`Object.assign`);
 * - arrays, at any level, are new arrays with repeated items dropped;
 * - `null` object values are left out; every other value is kept as it is.
 * Each call still returns its own copy, so a caller that changes it changes nothing else.
 */
type Plain = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;

/** An own property, also for a key named `__proto__` (a plain store would set the prototype). */
function put(target: Plain, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function withoutRepeats(source: readonly unknown[]): unknown[] {
  const copy: unknown[] = [];
  for (const item of source) if (!copy.includes(item)) copy.push(item);
  return copy;
}

/** New objects `depth` levels below `source` (an object, not an array), then shallow copies. */
function copyLevels(source: object, depth: number): Plain {
  const copy: Plain = {};
  for (const key in source) {
    if (!hasOwn.call(source, key)) continue;
    const value: unknown = (source as Plain)[key];
    if (value === null) continue;
    if (typeof value !== 'object') put(copy, key, value);
    else if (Array.isArray(value)) put(copy, key, withoutRepeats(value));
    else put(copy, key, depth > 0 ? copyLevels(value, depth - 1) : Object.assign({}, value));
  }
  return copy;
}

export function copyConfig(config: object): Plain {
  return copyLevels(config, 1);
}
