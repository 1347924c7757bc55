import { Grid, type ModalProps } from 'antd';

/**
 * True on a phone-sized screen (narrower than antd's `md`, 768 px). Before the first measurement
 * antd reports no breakpoints; `md` is then undefined and the desktop layout is assumed.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
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
