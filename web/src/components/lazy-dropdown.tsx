import type { DropdownProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Dropdown brings the menu library (~18 KB gzipped); a page that shows one action menu loads
// it right after the page instead of before it.
const Dropdown = lazy(async () => ({ default: (await import('antd/es/dropdown')).default }));

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
