/**
 * `compute` with its results kept by key. Past `limit` keys the whole cache is forgotten at
 * once, so memory stays bounded however long someone types (every keystroke brings new labels).
 */
export function boundedMemo<K, V>(compute: (key: K) => V, limit = 5_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key: K): V => {
    const kept = cache.get(key);
    if (kept !== undefined || cache.has(key)) return kept as V;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
