import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of docs/ARCHITECTURE.md are enforced by Biome (biome.json): no import
 * cycles, no module reading another module's repository, no web feature importing another feature
 * or the app shell. These tests run the project's own config over a small tree of fixture files, so
 * a config edit that silently disables a rule fails here.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const biome = join(repoRoot, 'node_modules/.bin/biome');

let dir: string;

function put(path: string, text: string) {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Lints the given fixture files with the project's rules; returns the exit code and the report. */
function lint(...paths: string[]) {
  const res = spawnSync(biome, ['lint', '--max-diagnostics=50', '--colors=off', ...paths], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lz-lint-boundaries-'));
  const config = JSON.parse(readFileSync(join(repoRoot, 'biome.json'), 'utf8')) as Record<string, unknown>;
  delete config.$schema;
  delete config.vcs; // the fixture tree is no git checkout
  put('biome.json', JSON.stringify(config));
  // A cycle of two files.
  put(
    'server/src/lib/left.ts',
    "import { right } from './right';\nexport const left = (): number => right() + 1;\n",
  );
  put(
    'server/src/lib/right.ts',
    "import { left } from './left';\nexport const right = (): number => (left ? 1 : 0);\n",
  );
  // A cycle through type-only imports (they vanish at runtime, but still tie the files together).
  put(
    'server/src/lib/shape.ts',
    "import type { Kind } from './kind';\nexport type Shape = { kind: Kind };\n",
  );
  put(
    'server/src/lib/kind.ts',
    "import type { Shape } from './shape';\nexport type Kind = 'a' | Shape['kind'];\n",
  );
  // One module reaching into another's repository, and a module using its own.
  put('server/src/modules/firm/firm.repository.ts', 'export const findFirm = (id: string): string => id;\n');
  put(
    'server/src/modules/firm/firm.service.ts',
    "import { findFirm } from './firm.repository';\nexport const firmName = (id: string): string => findFirm(id);\n",
  );
  put(
    'server/src/modules/lead/lead.service.ts',
    "import { findFirm } from '../firm/firm.repository';\nexport const leadFirm = (id: string): string => findFirm(id);\n",
  );
  // A web feature importing another feature, the app shell, and what it may import.
  put('web/src/lib/format.ts', 'export const format = (s: string): string => s.trim();\n');
  put('web/src/app/routes.ts', 'export const routes: string[] = [];\n');
  put('web/src/features/lead/api/use-leads.ts', 'export const leadsKey = ["leads"];\n');
  put(
    'web/src/features/project/api/use-projects.ts',
    "import { leadsKey } from '../../lead/api/use-leads';\nexport const projectsKey = [...leadsKey, 'projects'];\n",
  );
  put(
    'web/src/features/project/pages/projects-page.ts',
    "import { routes } from '../../../app/routes';\nexport const pageCount = routes.length;\n",
  );
  put(
    'web/src/features/lead/pages/leads-page.ts',
    "import { format } from '../../../lib/format';\nimport { leadsKey } from '../api/use-leads';\nexport const title = format(leadsKey.join());\n",
  );
  // components/ and lib/ sit below the features.
  put(
    'web/src/components/lead-badge.ts',
    "import { leadsKey } from '../features/lead/api/use-leads';\nexport const badge = leadsKey[0];\n",
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('import boundaries (biome.json)', () => {
  it('fails on an import cycle', () => {
    const { code, out } = lint('server/src/lib/left.ts');
    expect(code).not.toBe(0);
    expect(out).toContain('lint/suspicious/noImportCycles');
  });

  it('fails on a cycle of type-only imports too', () => {
    const { code, out } = lint('server/src/lib/shape.ts');
    expect(code).not.toBe(0);
    expect(out).toContain('lint/suspicious/noImportCycles');
  });

  it("fails when a module imports another module's repository, not its own", () => {
    const bad = lint('server/src/modules/lead/lead.service.ts');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('lint/style/noRestrictedImports');
    const good = lint('server/src/modules/firm/firm.service.ts');
    expect(good.out).not.toContain('noRestrictedImports');
    expect(good.code).toBe(0);
  });

  it('fails when a web feature imports another feature or the app shell', () => {
    const other = lint('web/src/features/project/api/use-projects.ts');
    expect(other.code).not.toBe(0);
    expect(other.out).toContain('lint/style/noRestrictedImports');
    const app = lint('web/src/features/project/pages/projects-page.ts');
    expect(app.code).not.toBe(0);
    expect(app.out).toContain('lint/style/noRestrictedImports');
  });

  it('lets a feature import lib/ and its own folder', () => {
    const { code, out } = lint('web/src/features/lead/pages/leads-page.ts');
    expect(out).not.toContain('noRestrictedImports');
    expect(code).toBe(0);
  });

  it('fails when components/ imports a feature', () => {
    const { code, out } = lint('web/src/components/lead-badge.ts');
    expect(code).not.toBe(0);
    expect(out).toContain('lint/style/noRestrictedImports');
  });
});

/**
 * Issue 12: the modules below keep every statement in their repositories (`*.repository.ts`), so a
 * task or service never builds SQL of its own. Biome cannot express this, so the test reads the
 * files: a statement builder outside a repository (or a test) is named with its file and line.
 */
const REPOSITORY_ONLY_MODULES = ['chain', 'cockpit', 'department', 'notify', 'round', 'target', 'warning'];
const STATEMENT_BUILDER = /\b(selectFrom|insertInto|updateTable|deleteFrom)\(/;

describe('SQL only in repositories (issue 12)', () => {
  it.each(REPOSITORY_ONLY_MODULES)(
    'server/src/modules/%s builds statements only in *.repository.ts',
    (name) => {
      const folder = join(repoRoot, 'server/src/modules', name);
      const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.repository.ts') && !f.endsWith('.test.ts'),
      );
      expect(files.length).toBeGreaterThan(0);
      const outside = files.flatMap((f) =>
        readFileSync(join(folder, f), 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            STATEMENT_BUILDER.test(line) ? [`${name}/${f}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
      expect(outside).toEqual([]);
    },
  );

  it('the check sees a statement outside a repository', () => {
    // The rule's own pattern against a service line, so a broken pattern cannot pass silently.
    expect(STATEMENT_BUILDER.test("  const row = await db.selectFrom('round').selectAll();")).toBe(true);
    expect(STATEMENT_BUILDER.test('  const row = await repo.findRound(db, id);')).toBe(false);
  });
});
