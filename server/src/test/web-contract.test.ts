import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web takes the API's shapes from the contract (shared/src/contract, zod schemas with z.infer
 * types): no hand-copied response interface in web/src (issue 12). Two greps:
 * - a file that calls the API declares no interface or object type of its own, except query strings,
 *   filters and UI state (names ending in Query, Filters, Props, Values, Options);
 * - no file anywhere in web/src declares a `…Dto/Response/Row/Item/Detail/Summary` type by hand.
 * And the web imports the contract for its types only, so zod stays out of the bundle.
 */

const WEB = path.join(import.meta.dirname, '../../../web/src');

/**
 * Files still holding hand-written API shapes: none now (the last, firm, chain, import and cockpit,
 * converted in issue 12). Kept empty so the checks below stay in place; never add a file to it.
 */
const NOT_YET_CONVERTED = new Set<string>([]);

const CALLS_API = /\bapi\.(get|post|patch|put|delete|upload)\b|\bapiRequest\s*[<(]/;
const DECLARATION = /^\s*(?:export\s+)?(?:interface\s+(\w+)|type\s+(\w+)(?:<[^=]*>)?\s*=\s*\{)/gm;
const NOT_A_SHAPE = /(Query|Filters|Props|Values|Options)$/;
const SUFFIX = String.raw`\w+(?:Dto|Response|Row|Item|Detail|Summary)`;
// A declaration, not a `type X` inside an import list: an interface body or a type's `=`.
const RESPONSE_NAME = new RegExp(
  String.raw`^\s*(?:export\s+)?(?:interface\s+(${SUFFIX})\b[^{\n]*\{|type\s+(${SUFFIX})\b[^=\n,]*=)`,
  'gm',
);
const CONTRACT_IMPORT =
  /^(import|export)\s+(type\s+)?\{[^}]*\}\s+from\s+'[./]*shared\/src\/contract\/[^']+';/gm;

function webFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return webFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function handWrittenShapes(text: string): string[] {
  const found = new Set<string>();
  if (CALLS_API.test(text)) {
    for (const m of text.matchAll(DECLARATION)) {
      const name = m[1] ?? m[2] ?? '';
      if (!NOT_A_SHAPE.test(name)) found.add(name);
    }
  }
  for (const m of text.matchAll(RESPONSE_NAME)) found.add(m[1] ?? m[2] ?? '');
  return [...found].sort();
}

const files = webFiles(WEB).map((f) => ({
  rel: path.relative(WEB, f).split(path.sep).join('/'),
  text: readFileSync(f, 'utf8'),
}));

describe('the web takes the API shapes from shared/src/contract', () => {
  it('finds the web sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('declares no response shape by hand outside the files still to convert', () => {
    const offenders = files
      .filter((f) => !NOT_YET_CONVERTED.has(f.rel))
      .flatMap((f) => handWrittenShapes(f.text).map((name) => `${f.rel}: ${name}`));
    expect(offenders).toEqual([]);
  });

  it('lists only files that still hold hand-written shapes (the list shrinks as they convert)', () => {
    const converted = files.filter(
      (f) => NOT_YET_CONVERTED.has(f.rel) && handWrittenShapes(f.text).length === 0,
    );
    const missing = [...NOT_YET_CONVERTED].filter((rel) => !files.some((f) => f.rel === rel));
    expect({ converted: converted.map((f) => f.rel), missing }).toEqual({ converted: [], missing: [] });
  });

  it('imports the contract for its types only, so zod stays out of the bundle', () => {
    const valueImports = files.flatMap((f) =>
      [...f.text.matchAll(CONTRACT_IMPORT)]
        .filter((m) => !m[2])
        .map((m) => `${f.rel}: ${m[0].split('\n')[0]}`),
    );
    expect(valueImports).toEqual([]);
  });

  it('recognises a hand-written response interface (the grep itself works)', () => {
    const sample = "const x = () => api.get<Foo>('/api/foo');\nexport interface Foo {\n  id: string;\n}\n";
    expect(handWrittenShapes(sample)).toEqual(['Foo']);
    expect(handWrittenShapes('export interface FirmSummary {\n  id: string;\n}\n')).toEqual(['FirmSummary']);
    expect(handWrittenShapes("api.get('/x');\nexport interface ListQuery {\n  q?: string;\n}\n")).toEqual([]);
    expect(handWrittenShapes("import {\n  type ChainDetail,\n} from './x';\n")).toEqual([]);
    expect(handWrittenShapes('type TaskDetail = Task & { items: Item[] };\n')).toEqual(['TaskDetail']);
  });
});
