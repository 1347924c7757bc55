import { useSearchParams } from 'react-router';

/**
 * A list's filters and search kept in the address (`?park=…&q=…`), so Back, reload and bookmarks
 * keep them and a figure that links here with a query opens the list filtered. Changes replace the
 * history entry: typing a search is not a step Back goes through, and Back from a list leaves it.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (patch: Partial<Record<K, string | undefined>>) => void] {
  const [search, setSearch] = useSearchParams();
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const v = search.get(key);
    if (v) values[key] = v;
  }
  const update = (patch: Partial<Record<K, string | undefined>>) => {
    // From the address itself, not this render's copy of it: React Router renders a navigation in a
    // transition, so the render after the last change may not have happened yet, and a change made
    // from the copy before it dropped that change (只看超期 ticked, then a search entered at once,
    // kept only the search).
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(patch) as Array<[K, string | undefined]>) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setSearch(next, { replace: true });
  };
  return [values, update];
}
