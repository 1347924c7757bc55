import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Dates are local to the zone whatever the browser's own time zone is. */
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

/** An ISO UTC timestamp shown as zone-local `YYYY-MM-DD HH:mm:ss`; empty values show a dash. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  return value.isValid() ? value.tz(ZONE_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** The hour of day in the zone, for greetings. */
export function zoneHour(now: Date = new Date()): number {
  return dayjs(now).tz(ZONE_TIME_ZONE).hour();
}

/**
 * A calendar day picked in the UI as the UTC instant where that day starts (or ends) in the zone,
 * so a filter "2024-08-15" means 15 August in Liaocheng, not in the browser's time zone.
 */
export function zoneDayBoundary(day: Dayjs, edge: 'start' | 'end'): string {
  const local = dayjs.tz(day.format('YYYY-MM-DD'), ZONE_TIME_ZONE);
  return (edge === 'start' ? local.startOf('day') : local.endOf('day')).toISOString();
}
