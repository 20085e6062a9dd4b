import { normaliseKey } from '../model/annotations';
import type { ShardKey } from '../params';

/** A key as written, reduced to what tells keys apart: "Conversation ID", `conversation_id` and "conversationId" are one key. */
export const squashKey = (key: string): string => normaliseKey(key).replace(/[^a-z0-9,]/g, '');

/** The listed keys, and their other names, by squashed form; of names that squash alike, the first listed wins. */
export function bySquashedKey(list: readonly ShardKey[]): ReadonlyMap<string, ShardKey> {
  const keys = new Map<string, ShardKey>();
  for (const k of list) {
    for (const name of [k.key, ...k.also]) {
      const squashed = squashKey(name);
      if (!keys.has(squashed)) keys.set(squashed, k);
    }
  }
  return keys;
}
