import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The intake's labelled passages (eval/): a held-out figure means something only if its passages are
 * in no other set. Two rounds picked the same public page for dev and a held-out batch, or for two
 * held-out batches, without knowing it (heldout9 had a dev passage verbatim); this keeps it from
 * happening again: a source page belongs to one set, and no passage text is in two files.
 */
const EVAL_DIR = path.join(import.meta.dirname, 'eval');

function passages() {
  const out: Array<{ set: string; file: string; source: string; text: string }> = [];
  for (const set of fs.readdirSync(EVAL_DIR)) {
    const dir = path.join(EVAL_DIR, set);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const [first = '', , , ...rest] = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
      out.push({ set, file, source: first.replace(/^source:\s*/, '').trim(), text: rest.join('\n') });
    }
  }
  return out;
}

describe('intake eval sets', () => {
  const all = passages();

  it('reads every set', () => {
    expect(new Set(all.map((p) => p.set)).size).toBeGreaterThan(10);
    for (const p of all) expect(p.source, `${p.set}/${p.file}`).toMatch(/^https?:\/\//);
  });

  it('takes each source page into one set only', () => {
    const setsOf = new Map<string, Set<string>>();
    for (const p of all) setsOf.set(p.source, (setsOf.get(p.source) ?? new Set()).add(p.set));
    const shared = [...setsOf]
      .filter(([, sets]) => sets.size > 1)
      .map(([src, sets]) => `${src}: ${[...sets]}`);
    expect(shared).toEqual([]);
  });

  it('has no passage text twice', () => {
    const byText = new Map<string, string>();
    const twice: string[] = [];
    for (const p of all) {
      const key = p.text.replace(/\s+/g, '');
      const seen = byText.get(key);
      if (seen) twice.push(`${seen} = ${p.set}/${p.file}`);
      else byText.set(key, `${p.set}/${p.file}`);
    }
    expect(twice).toEqual([]);
  });
});
