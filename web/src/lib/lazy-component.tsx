import { type ComponentType, createElement, lazy, Suspense } from 'react';

/**
 * A component loaded from its own chunk when first drawn, shown with nothing until then. Pages use
 * it for their dialogs and editors: the form widgets (date pickers, tree selects, number inputs) are
 * most of a page's JavaScript, and a phone on a slow link should see the page before they arrive.
 * `lazyComponent(() => import('./x').then((m) => m.X))`.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Lazy = lazy<ComponentType<Props>>(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page module at load time (module level), never during a render
  function Deferred(props: Props) {
    return <Suspense fallback={null}>{createElement(Lazy, props)}</Suspense>;
  }
  return Deferred;
}
