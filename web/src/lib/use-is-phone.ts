import type { ModalProps } from 'antd';
import { useSyncExternalStore } from 'react';

/** antd's `md` breakpoint: narrower than this is a phone. */
const DESKTOP_QUERY = '(min-width: 768px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DESKTOP_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isPhoneNow = () => !window.matchMedia(DESKTOP_QUERY).matches;

/**
 * True on a phone-sized screen (narrower than antd's `md`, 768 px), right from the first render:
 * a page that draws something else on a phone (a list instead of a table) must not fetch the
 * desktop widget first.
 */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, isPhoneNow);
}

/**
 * Props that make a dialog fill a phone's screen (no edge off screen, the footer's buttons
 * reachable); nothing on larger screens, where the dialog keeps its own width.
 */
export function usePhoneModalProps(): Pick<ModalProps, 'width' | 'style' | 'centered'> {
  const isPhone = useIsPhone();
  return isPhone
    ? { width: '100%', style: { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 }, centered: false }
    : {};
}
