import { describe, expect, it } from 'vitest';
import { cumulativeBefore, cumulativeDisagrees, expectedCumulative } from './round-figures';

describe('cumulative figures from earlier reports', () => {
  it('adds each period; a stated cumulative resets the running figure', () => {
    expect(cumulativeBefore([])).toBe(0);
    expect(
      cumulativeBefore([
        { period: 10, cumulative: null },
        { period: 5, cumulative: null },
      ]),
    ).toBe(15);
    expect(
      cumulativeBefore([
        { period: 10, cumulative: null },
        { period: 5, cumulative: 100 },
        { period: 7, cumulative: null },
      ]),
    ).toBe(107);
  });
  it('the expected figure adds this period to the running one', () => {
    expect(expectedCumulative(107, 13)).toBe(120);
  });
  it('a stated figure that differs from the records is flagged; none stated is not', () => {
    expect(cumulativeDisagrees(107, 107)).toBe(false);
    expect(cumulativeDisagrees(120, 107)).toBe(true);
    expect(cumulativeDisagrees(null, 107)).toBe(false);
  });
});
