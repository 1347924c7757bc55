import { inject } from 'vitest';

/**
 * The browser tier runs on one clock (issue 12: an injected clock in e2e). The demo is laid out
 * relative to the day it is loaded, once per run (global-setup.ts), and a run on a 2-core machine
 * takes minutes: on the system clock a run that crossed midnight in China (16:00 UTC) had the demo of
 * one day served on the next, and the browser and the servers could disagree on "today". So the run
 * starts at 10:00 China time of the day it begins, and the demo load, every server
 * (LIANZHAO_CLOCK_START) and every browser context (its Date, page-clock.ts) run from there at the normal
 * pace: the same day, in working hours, from the first file to the last.
 */
export function runClockStart(realNow: Date): Date {
  const chinaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(realNow);
  return new Date(`${chinaDay}T10:00:00+08:00`);
}

/** The run's "now": its start plus the real time since it was taken. */
export function runNow(): Date {
  const { start, takenAt } = inject('lzE2eClock');
  return new Date(new Date(start).getTime() + (Date.now() - takenAt));
}

/** How far the run's clock is ahead of the machine's (ms; negative when behind), fixed for the run. */
export function runClockOffsetMs(): number {
  const { start, takenAt } = inject('lzE2eClock');
  return new Date(start).getTime() - takenAt;
}
