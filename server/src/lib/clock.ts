/** Time is injected so that lockouts, idle timeouts and escalations are testable without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is made and then runs at the normal pace: what a
 * process runs on when LIANZHAO_CLOCK_START is set (config.ts). Made once per process, so every
 * part of it agrees on the time.
 */
export function clockStartingAt(start: Date, madeAt: number = Date.now()): Clock {
  const offset = start.getTime() - madeAt;
  return { now: () => new Date(Date.now() + offset) };
}

/** The clock of a process with this configuration: the system's unless a start is configured. */
export function processClock(config: { clockStart: Date | null }): Clock {
  return config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}
