import type { FastifyInstance } from 'fastify';
import { hasForbiddenControl, TEXT_REFUSAL } from '../../../shared/src/text';
import { errors } from './errors';

/** Deeper than any body a route takes; a deeper one is refused by its schema anyway. */
const MAX_DEPTH = 32;

/** Objects holding fields: parsed JSON, and the query and params objects (null-prototype ones too). */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return false;
  // Files and streams are not text.
  return typeof (v as { pipe?: unknown }).pipe !== 'function';
}

/**
 * The path of the first string (or object key) in `value` that holds a forbidden character, or null.
 */
export function findControlCharacter(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return hasForbiddenControl(value) ? path : null;
  if (depth > MAX_DEPTH) return null;
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], join(i), depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (!isRecord(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasForbiddenControl(key)) return join(key);
    const hit = findControlCharacter(item, join(key), depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * One gate for all text the API takes (issue 11 #8): a control character in the path parameters,
 * the query or a JSON body is a 400 naming the field, before any schema or handler sees it — so
 * SQLite and PostgreSQL answer the same, and nothing is written. Paths name the field like schema
 * errors do: body fields bare, others as `querystring.q` / `params.id`.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const hit =
      findControlCharacter(request.params, 'params') ??
      findControlCharacter(request.query, 'querystring') ??
      findControlCharacter(request.body, '');
    if (hit !== null) {
      throw errors.validation([{ path: hit || '(body)', message: TEXT_REFUSAL }]);
    }
  });
}
