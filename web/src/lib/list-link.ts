import type { ListLink } from '../../../shared/src/contract/list-link';

/** Where a figure's list opens in the web: `path?query` (the cockpit's and the targets' figures). */
export function linkHref(link: ListLink): string {
  const qs = new URLSearchParams(link.query).toString();
  return qs ? `${link.path}?${qs}` : link.path;
}
