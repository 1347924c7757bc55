/**
 * ECharts puts a tooltip formatter's return value into the page as HTML (its string templates and
 * default tooltips escape the data; a formatter function does not). Every chart formatter that
 * returns data — a chain, link, firm, project or department name, all typed by people or imported
 * from Excel — builds its text with these two, so a name like `<img src=x onerror=…>` shows as
 * text and never runs in the viewer's session.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The text as HTML text: `& < > " '` become entities (the same five ECharts' own encodeHTML escapes). */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A tagged template for tooltip markup: the literal parts are trusted markup written here, every
 * `${value}` is data and is escaped — html`<b>${link.name}</b>` — so a formatter cannot forget it.
 */
export function html(
  strings: TemplateStringsArray,
  ...values: Array<string | number | null | undefined>
): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
