/**
 * Whether a process of this machine exists: signal 0 only asks. EPERM means it exists but belongs to
 * another user — alive, and not ours to judge. Used to clear what a killed process left behind (its
 * jobs, its temp folders, its test databases); the pid may have been reused, so callers only use it
 * to leave something alone, never to take what a live process holds.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
