/**
 * Word matching on labels: text is lower-cased and reduced to space-separated words so a
 * phrase matches on word boundaries ("db" matches "Users DB" but not "mongodb"). Lookups go
 * through the set of word n-grams of the text, so matching a label against a table of phrases
 * costs O(words), not O(phrases × length).
 */

export type Words = string & { readonly __brand: 'Words' };

const wordsCache = new Map<string, Words>();

export function toWords(text: string): Words {
  const cached = wordsCache.get(text);
  if (cached !== undefined) return cached;
  const words = normalise(text);
  if (wordsCache.size > 20_000) wordsCache.clear();
  wordsCache.set(text, words);
  return words;
}

function normalise(text: string): Words {
  const words = text
    .toLowerCase()
    .replace(/[×]/g, ' × ')
    .replace(/[^\p{L}\p{N}×]+/gu, ' ')
    .trim();
  return ` ${words} ` as Words;
}

const MAX_GRAM = 6;
const gramCache = new Map<string, ReadonlySet<string>>();

/** Every run of 1..6 consecutive words, joined by single spaces. */
export function gramsOf(words: Words): ReadonlySet<string> {
  const grams = gramCache.get(words);
  if (grams !== undefined) return grams;
  const tokens = words.trim().split(' ').filter((t) => t !== '');
  const set = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let gram = '';
    for (let j = i; j < Math.min(tokens.length, i + MAX_GRAM); j++) {
      gram = j === i ? (tokens[j] as string) : `${gram} ${tokens[j] as string}`;
      set.add(gram);
    }
  }
  if (gramCache.size > 5_000) gramCache.clear();
  gramCache.set(words, set);
  return set;
}

/** Phrases come from fixed tables and prompt keywords: normalise each once. */
interface PhraseKey {
  readonly key: string;
  readonly long: boolean;
}
const phraseCache = new Map<string, PhraseKey>();

function phraseEntry(phrase: string): PhraseKey {
  let entry = phraseCache.get(phrase);
  if (entry === undefined) {
    const key = toWords(phrase).trim();
    entry = { key, long: key.split(' ').length > MAX_GRAM };
    if (phraseCache.size < 10_000) phraseCache.set(phrase, entry);
  }
  return entry;
}

export function phraseKey(phrase: string): string {
  return phraseEntry(phrase).key;
}

export function phraseWords(phrase: string): Words {
  return ` ${phraseKey(phrase)} ` as Words;
}

export function hasPhrase(words: Words, phrase: string): boolean {
  const { key, long } = phraseEntry(phrase);
  if (key === '') return false;
  return long ? words.includes(` ${key} `) : gramsOf(words).has(key);
}

export function firstPhrase(words: Words, phrases: readonly string[]): string | undefined {
  return phrases.find((p) => hasPhrase(words, p));
}

interface PhraseSet {
  readonly short: ReadonlySet<string>;
  readonly long: readonly string[];
}
const phraseSets = new WeakMap<readonly string[], PhraseSet>();

function phraseSet(phrases: readonly string[]): PhraseSet {
  let set = phraseSets.get(phrases);
  if (set === undefined) {
    const entries = phrases.map(phraseEntry).filter((e) => e.key !== '');
    set = { short: new Set(entries.filter((e) => !e.long).map((e) => e.key)), long: entries.filter((e) => e.long).map((e) => ` ${e.key} `) };
    phraseSets.set(phrases, set);
  }
  return set;
}

const anyResults = new WeakMap<readonly string[], Map<string, boolean>>();

/** True when the words contain any of the phrases (the list is indexed once per array, results memoised). */
export function hasAny(words: Words, phrases: readonly string[]): boolean {
  return anyPhraseIn(words, resultsFor(phrases), phraseSet(phrases));
}

/** `hasAny` for one phrase list applied to many texts: the list's index and memo are looked up once. */
export function anyPhraseTest(phrases: readonly string[]): (words: Words) => boolean {
  const memo = resultsFor(phrases);
  const set = phraseSet(phrases);
  return (words) => anyPhraseIn(words, memo, set);
}

function resultsFor(phrases: readonly string[]): Map<string, boolean> {
  let memo = anyResults.get(phrases);
  if (memo === undefined) {
    memo = new Map();
    anyResults.set(phrases, memo);
  }
  return memo;
}

function anyPhraseIn(words: Words, memo: Map<string, boolean>, { short, long }: PhraseSet): boolean {
  const cached = memo.get(words);
  if (cached !== undefined) return cached;
  let found = false;
  for (const gram of gramsOf(words)) {
    if (short.has(gram)) {
      found = true;
      break;
    }
  }
  found ||= long.some((key) => words.includes(key));
  if (memo.size > 5_000) memo.clear();
  memo.set(words, found);
  return found;
}

/** A fixed table of phrases → values, matched against text by n-gram lookup. */
export class PhraseIndex<T> {
  private readonly byKey = new Map<string, Array<{ order: number; value: T }>>();

  constructor(entries: ReadonlyArray<readonly [readonly string[], T]>) {
    entries.forEach(([phrases, value], order) => {
      for (const phrase of phrases) {
        const key = phraseKey(phrase);
        const list = this.byKey.get(key) ?? [];
        if (!list.some((e) => e.order === order)) list.push({ order, value });
        this.byKey.set(key, list);
      }
    });
  }

  private readonly results = new Map<string, readonly T[]>();

  /** Values whose phrases occur in the words, in table order, each once (memoised per text). */
  matches(words: Words): readonly T[] {
    const cached = this.results.get(words);
    if (cached !== undefined) return cached;
    const hits: Array<{ order: number; value: T }> = [];
    for (const gram of gramsOf(words)) {
      const found = this.byKey.get(gram);
      if (found === undefined) continue;
      for (const e of found) if (!hits.some((h) => h.order === e.order)) hits.push(e);
    }
    const result = Object.freeze(hits.length > 1 ? hits.sort((a, b) => a.order - b.order).map((h) => h.value) : hits.map((h) => h.value));
    if (this.results.size > 5_000) this.results.clear();
    this.results.set(words, result);
    return result;
  }
}

/**
 * Splits identifiers the way a reader does: `SessionGateway` → `Session Gateway`, `APIGateway`
 * → `API Gateway`, `orders_ms` / `orders-ms` → `orders ms`. A single lower-case letter before a
 * capital is kept (`iOS`, `eBay`, `PgBouncer`), and digits stay attached (`S3`, `EC2`).
 */
export function splitIdentifiers(text: string): string {
  return text
    .replace(/([a-z]{2,})([A-Z])/g, '$1 $2')
    .replace(/([A-Z]{2,})([A-Z][a-z]{2,})/g, '$1 $2')
    .replace(/[_-]+/g, ' ');
}

/** Drops what says nothing about a component's kind: URLs, host names, ports and paths. */
export function withoutAddresses(text: string): string {
  return text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ')
    // Host names are written in lower case; "ASP.NET" is a framework, not a host.
    .replace(/\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|app|cloud|local|internal|svc|cluster)\b\S*/g, ' ')
    .replace(/(?:^|\s):\d{2,5}\b|\b(?<=[a-z])\s*:\d{2,5}\b/gi, ' ')
    .replace(/\bport\s*:?\s*\d{2,5}\b/gi, ' ')
    // A path starts at its slash ("/api/v1"); a slash standing alone between words ("Load Balancer / API Gateway") joins two names.
    .replace(/(?:^|\s)\/[\w{}.-][\w/{}.-]*/g, ' ');
}

/**
 * A negated phrase and its negation dropped: "Postgres (no failover)", "without a standby", "no
 * replica yet" say what the design lacks, so the words after the negation must not earn it.
 */
const NEGATED = /\b(?:no|not|without|lacking|missing|never)\s+(?:(?:a|an|any|the)\s+)?[\w-]+(?:\s+[\w-]+)?/gi;
const MAY_NEGATE = /\b(?:no|not|without|lacking|missing|never)\s/i;

export function withoutNegated(text: string): string {
  return MAY_NEGATE.test(text) ? text.replace(NEGATED, ' ') : text;
}

/**
 * "Read replica of the primary", "standby for the master": the primary named there is the node
 * copied, not a second role of this one.
 */
const COPY_OF_PRIMARY = /\b((?:replicas?|standbys?|secondar(?:y|ies)|followers?|cop(?:y|ies)|slaves?))[\s(]+(?:of|for|from)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:primary|master|leader)\b/gi;

export function withoutCopiedPrimary(text: string): string {
  return text.replace(COPY_OF_PRIMARY, '$1');
}
