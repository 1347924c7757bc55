/**
 * The app path that shows a record a notification is about. One place, because the same path is
 * the inbox's link and the deep link a group-bot message carries (a phone opens it; an unsigned
 * visitor signs in first and lands there, /login?next=).
 */
export type NotifiedEntity = 'factor_request' | 'request' | 'task' | 'problem_list' | 'round';

export function recordPath(entity: string, id: string, parentId: string | null = null): string {
  if (entity === 'request' || entity === 'factor_request') return `/requests/${encodeURIComponent(id)}`;
  if (entity === 'task') return `/tasks/${encodeURIComponent(id)}`;
  if (entity === 'round') return `/rounds/${encodeURIComponent(id)}`;
  return `/problem-lists/${encodeURIComponent(parentId ?? id)}`;
}

/**
 * The address of a path on the zone's own server (LIANZHAO_PUBLIC_URL, e.g.
 * https://zhaoshang.example.gov.cn); null when the zone has not said where it is served.
 */
export function publicLink(publicUrl: string | null, path: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : null;
}
