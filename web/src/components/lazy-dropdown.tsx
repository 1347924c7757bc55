import type { DropdownProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Dropdown brings the menu library (~18 KB gzipped); a page that shows one action menu loads
// it right after the page instead of before it. The fetch starts when the page's code runs (while
// the page still waits for its data), so the menu is there by the time the button is touched.
let dropdownChunk: Promise<typeof import('antd/es/dropdown')> | null = null;
const loadDropdown = () => {
  // A failed fetch (offline) is tried again on the next draw.
  dropdownChunk ??= import('antd/es/dropdown').catch((error: unknown) => {
    dropdownChunk = null;
    throw error;
  });
  return dropdownChunk;
};
const Dropdown = lazy(async () => ({ default: (await loadDropdown()).default }));
void loadDropdown().catch(() => undefined);

/**
 * antd's `Dropdown` from its own chunk. Until it arrives the trigger (`children`) shows as it will
 * look, so the page draws the same; the menu opens once the chunk is there.
 */
export function LazyDropdown(props: DropdownProps) {
  return (
    <Suspense fallback={props.children}>
      <Dropdown {...props} />
    </Suspense>
  );
}
