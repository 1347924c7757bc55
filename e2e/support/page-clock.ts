import type { BrowserContext } from 'playwright-core';
import { runClockOffsetMs } from './run-clock';

/**
 * The page side of the run's clock (run-clock.ts): `Date` (and a date format given no date) read
 * the run's time, shifted by a fixed offset from the machine's, while timers, animation frames and
 * `performance` stay the browser's own. Playwright's clock (`context.clock.install`) fakes all of
 * them and runs every timer and animation frame of the page from one real timer, one after another;
 * on two busy cores that left dropdowns open and lists unrefreshed past a test's wait, and the
 * page needs only its "today" moved. Plain JavaScript in a string: it runs in the page before the
 * app, under none of the app's CSP.
 */
const SHIFT_DATE = `(() => {
  const offset = __OFFSET__;
  const NativeDate = Date;
  const now = () => NativeDate.now() + offset;
  function RunDate(...args) {
    if (!new.target) return new NativeDate(now()).toString();
    return args.length === 0 ? new NativeDate(now()) : new NativeDate(...args);
  }
  RunDate.prototype = NativeDate.prototype;
  RunDate.now = now;
  RunDate.parse = NativeDate.parse;
  RunDate.UTC = NativeDate.UTC;
  globalThis.Date = RunDate;
  const proto = Intl.DateTimeFormat.prototype;
  const nativeFormat = Object.getOwnPropertyDescriptor(proto, 'format').get;
  Object.defineProperty(proto, 'format', {
    configurable: true,
    get() {
      const format = nativeFormat.call(this);
      return (date) => format(date === undefined ? now() : date);
    },
  });
  const nativeParts = proto.formatToParts;
  proto.formatToParts = function (date) {
    return nativeParts.call(this, date === undefined ? now() : date);
  };
})();`;

export async function runContextOnRunClock(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SHIFT_DATE.replace('__OFFSET__', String(runClockOffsetMs())) });
}
