/**
 * ECharts' `finished` event (the last frame of the entry animation drawn) marks the chart's box
 * `data-chart-finished`, so a browser test or a screenshot waits on the drawing itself instead of
 * sleeping through the animation. Set once and kept: a later redraw with the same option fires no
 * new event, so unsetting it on re-render could leave a waiter hanging.
 */
export function markChartFinished(box: HTMLElement | null): void {
  box?.setAttribute('data-chart-finished', 'true');
}
