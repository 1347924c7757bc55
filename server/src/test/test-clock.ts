import type { Clock } from '../lib/clock';

/** A clock tests move by hand: lockouts and timeouts are tested without waiting. */
export class TestClock implements Clock {
  private t: number;
  constructor(start = new Date('2026-03-02T01:00:00Z')) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(minutes: number): void {
    this.t += minutes * 60_000;
  }
}
