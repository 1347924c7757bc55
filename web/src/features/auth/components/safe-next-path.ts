/**
 * The path to return to after login, from `?next=`. Only same-site absolute paths are accepted,
 * so a crafted link cannot bounce the user to another site (`//evil.example`, `https:…`).
 */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
