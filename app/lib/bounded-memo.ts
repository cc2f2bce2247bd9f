/**
 * A remembered value, made once per key: the caches of values a long-running
 * server meets again and again (texts, shared index values). When the cache
 * reaches `limit` it starts afresh, so unexpected variety costs memory up to
 * the limit and no more.
 */
export function rememberIn<Key, Value>(cache: Map<Key, Value>, key: Key, limit: number, make: () => Value): Value {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}
