/**
 * Reads the API's own OpenAPI document for generated tests: every operation with its path, query
 * and body shape, a sample body with every field filled, and the path of every string in it.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: JsonSchema;
}

interface OperationDoc {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As documented: `/api/firms/{id}`. */
  path: string;
  pathParams: string[];
  /** Query parameters that take text (a string, or a list of strings). */
  textQuery: string[];
  body: JsonSchema | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function resolve(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split('/').pop() ?? '';
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${s.$ref}`);
  return resolve(doc, target);
}

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  return s.type ? [s.type] : [];
}

/** The first branch of a union that is not null (nullable fields are `anyOf [T, null]`). */
function concrete(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  const r = resolve(doc, s);
  const branches = r.anyOf ?? r.oneOf;
  if (branches) {
    const pick = branches.find((b) => !typesOf(resolve(doc, b)).every((t) => t === 'null'));
    return pick ? concrete(doc, pick) : r;
  }
  if (r.allOf?.[0]) return concrete(doc, r.allOf[0]);
  return r;
}

function takesText(doc: OpenApiDoc, s: JsonSchema): boolean {
  const c = concrete(doc, s);
  if (typesOf(c).includes('string')) return true;
  return typesOf(c).includes('array') && c.items !== undefined && takesText(doc, c.items);
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = ops[m];
      if (!op) continue;
      const params = op.parameters ?? [];
      out.push({
        method: m.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        textQuery: params
          .filter((p) => p.in === 'query' && p.schema && takesText(doc, p.schema))
          .map((p) => p.name),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return out;
}

/** A body with every field present (values need not pass the route's rules, only have the shape). */
export function sampleOf(doc: OpenApiDoc, schema: JsonSchema): unknown {
  const s = concrete(doc, schema);
  if (s.enum && s.enum.length > 0) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const type = typesOf(s)[0];
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = sampleOf(doc, v);
      return o;
    }
    case 'array':
      return s.items ? [sampleOf(doc, s.items)] : [];
    case 'string':
      return 'x';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** The path (keys and indexes) of every string in a sample. */
export function stringPaths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  }
  return [];
}

/** A deep copy of `value` with `replacement` at `path`. */
export function withValueAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(value)) {
    return value.map((v, i) => (i === head ? withValueAt(v, rest, replacement) : v));
  }
  const o = value as Record<string, unknown>;
  return { ...o, [head]: withValueAt(o[head], rest, replacement) };
}
