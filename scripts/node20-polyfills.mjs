// Vitest 5's reporter calls Map.groupBy (Node 21+). Node 20 is our floor, so supply it.
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = function groupBy(items, keyOf) {
    const out = new Map();
    let i = 0;
    for (const item of items) {
      const key = keyOf(item, i++);
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
    return out;
  };
}
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = function groupBy(items, keyOf) {
    const out = Object.create(null);
    let i = 0;
    for (const item of items) {
      const key = keyOf(item, i++);
      if (!out[key]) out[key] = [];
      out[key].push(item);
    }
    return out;
  };
}
