import type { Plugin } from 'vite';

/**
 * antd parts that antd components import unconditionally although we never use the feature behind
 * them, each pulling a large widget into every page that shows the component:
 * - Card imports Tabs for `tabList` (Tabs brings the dropdown and menu libraries);
 * - Typography imports its Editable for `editable` (a TextArea, so the input and form libraries);
 * - List imports Pagination for `pagination` (with the page-size Select and its virtual list).
 * Together about 60 KB (brotli) of every phone page's first load (docs/decisions/016-phone-javascript-budget.md).
 * Each is replaced by a component that throws when drawn, so a page that starts to use the feature
 * fails loudly in its tests instead of silently showing nothing; use the full widget (Tabs,
 * Pagination, Input) directly instead.
 */
const UNUSED: ReadonlyArray<{ importer: RegExp; source: string; feature: string }> = [
  { importer: /antd\/es\/card\/Card\.js$/, source: '../tabs', feature: 'Card tabList' },
  {
    importer: /antd\/es\/typography\/Base\/index\.js$/,
    source: '../Editable',
    feature: 'Typography editable',
  },
  { importer: /antd\/es\/list\/index\.js$/, source: '../pagination', feature: 'List pagination' },
];

const PREFIX = '\0antd-unused:';

/**
 * antd's form context (imported by every popup through ContextIsolator) takes only FormProvider from
 * `@rc-component/form`, but that package's index attaches Field, List and useForm to Form as
 * properties, so the bundler keeps the whole form library in the app shell (~12 KB gzipped). Pointing
 * that one import at the file that defines FormProvider gives the same code without the rest; pages
 * that use antd's Form still load the full library with their own chunk.
 */
const NARROWED: ReadonlyArray<{ importer: RegExp; source: string; file: string }> = [
  {
    importer: /antd\/es\/form\/context\.js$/,
    source: '@rc-component/form',
    file: '@rc-component/form/es/FormContext.js',
  },
];

export function antdUnusedParts(): Plugin {
  return {
    name: 'lianzhao:antd-unused-parts',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      const narrowed = NARROWED.find((n) => n.source === source && importer && n.importer.test(importer));
      if (narrowed) return this.resolve(narrowed.file, importer, { skipSelf: true });
      const part = UNUSED.find((p) => p.source === source && importer && p.importer.test(importer));
      return part ? `${PREFIX}${part.feature}` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const feature = JSON.stringify(id.slice(PREFIX.length));
      return `export default function Unused() {
  throw new Error(${feature} + ' is left out of the build (web/build/antd-unused-parts.ts)');
}`;
    },
  };
}
