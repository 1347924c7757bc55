import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks an option of an antd Select (or Cascader-like select) and checks that the pick took.
 *
 * Why one helper: beside another test file on two cores, a click on an option now and then did not
 * register (the dropdown was still sliding in, or re-rendered under the pointer). The form then kept
 * its default — an agreement saved with 总投资 instead of 税收, a phone dropdown left open — and the
 * test failed far from the cause. Here the option is clicked only once the list has finished its
 * animation, the select's shown value is read back, and the pick is made again if it did not take.
 *
 * `select` may be the select itself or any element inside it (e.g. `getByLabel`'s input).
 * `search` is typed after opening, to narrow a searchable select. Returns the picked option's text.
 */
export async function pickOption(
  page: Page,
  select: Locator,
  text: string | RegExp,
  options: { search?: string } = {},
): Promise<string> {
  const box = select.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // rc-motion puts the motion's own class on the list while it slides; without it the list is still.
  const settled = open.and(page.locator(':not(.ant-slide-up)'));
  const option = settled.locator('.ant-select-item-option').filter({ hasText: text }).first();
  let lastError: unknown = null;
  for (let tryNo = 0; tryNo < 3; tryNo++) {
    try {
      if ((await open.count()) === 0) {
        await box.click();
        if (options.search) await page.keyboard.type(options.search);
      }
      const label = (await option.innerText({ timeout: 15_000 })).trim();
      await option.click({ timeout: 10_000 });
      const want = typeof text === 'string' ? text : label;
      const took = await expect
        .poll(() => box.innerText(), { timeout: 5_000 })
        .toContain(want)
        .then(
          () => true,
          () => false,
        );
      if (!took) {
        lastError = new Error(`the select shows "${await box.innerText()}" after picking "${label}"`);
        continue;
      }
      await closeList(box, open);
      return label;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`could not pick "${String(text)}": ${String(lastError)}`);
}

/** A single select closes on its pick; if the list stays (a multiple select, a missed close), close it. */
async function closeList(box: Locator, open: Locator): Promise<void> {
  const closed = await open
    .first()
    .waitFor({ state: 'detached', timeout: 3_000 })
    .then(
      () => true,
      () => false,
    );
  if (!closed) await box.click();
  await expect.poll(() => open.count(), { timeout: 10_000 }).toBe(0);
}
