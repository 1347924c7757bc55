import { z } from 'zod';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import { PROJECT_STAGE_KEYS } from '../../../../shared/src/project-stage';
import { localDate, nameText } from '../../lib/fields';
import { AppError } from '../../plugins/errors';
import type { Contact } from '../firm/firm.presenter';
import { firmFields } from '../firm/firm.routes';
import { checkFirmCodes, type FirmInput } from '../firm/firm.service';
import { normaliseFirmName } from '../firm/firm-name';
import { LEAD_SOURCES } from '../lead/lead.presenter';
import { leadFields } from '../lead/lead.routes';
import { projectFields } from '../project/project.routes';
import { readCell, readInvestors } from './import-cells';
import { COLUMNS_OF, type ImportColumn, type ImportKind } from './import-columns';

/**
 * Row validators: one spreadsheet row → the body the create route would receive, checked by the
 * very zod schemas of the firm/lead/project routes and the services' own checks (USCC check
 * character, industry code). What is wrong is reported per column, in Chinese and English.
 * References (firms, users) are resolved in bulk by the importer afterwards.
 */

/** One problem in a row: the column it is in and what is wrong. */
export interface RowIssue {
  column: { zh: string; en: string } | null;
  message: Bilingual;
}

/** 第N行的错误 as the error file shows it: the Chinese sentence, then the English after a slash. */
export function formatIssues(issues: readonly RowIssue[]): string {
  const zh = issues.map((i) => (i.column ? `${i.column.zh}：${i.message.zh}` : i.message.zh)).join('；');
  const en = issues.map((i) => (i.column ? `${i.column.en}: ${i.message.en}` : i.message.en)).join('; ');
  return `${zh} / ${en}`;
}

export type RowValues = Record<string, unknown>;

/** Reads every known column of a row by its type; blank cells are absent from `values`. */
export function readRowValues(
  kind: ImportKind,
  columnIndex: ReadonlyMap<string, number>,
  cells: readonly unknown[],
): { values: RowValues; issues: RowIssue[] } {
  const values: RowValues = {};
  const issues: RowIssue[] = [];
  for (const col of COLUMNS_OF[kind]) {
    const i = columnIndex.get(col.key);
    const raw = i === undefined ? undefined : cells[i];
    const r = col.key === 'investors' ? readInvestors(raw) : readCell(col, raw);
    if (!r.ok) issues.push({ column: col, message: r.message });
    else if (r.value !== null) values[col.key] = r.value;
    else if (col.required) issues.push({ column: col, message: { zh: '必填', en: 'required' } });
  }
  return { values, issues };
}

/**
 * Reads a row and validates what could be read, so one pass reports every problem of the row (a
 * bad amount and a wrong USCC check character together), each column once.
 */
export function checkRow<D>(
  kind: ImportKind,
  columnIndex: ReadonlyMap<string, number>,
  cells: readonly unknown[],
  validate: (values: RowValues) => { draft: D | null; issues: RowIssue[] },
): { draft: D | null; issues: RowIssue[]; values: RowValues } {
  const read = readRowValues(kind, columnIndex, cells);
  const v = validate(read.values);
  const issues = mergeIssues(read.issues, v.issues);
  return { draft: issues.length === 0 ? v.draft : null, issues, values: read.values };
}

/** `extra` added to `base`, except in a column `base` already reports (one problem per column). */
export function mergeIssues(base: readonly RowIssue[], extra: readonly RowIssue[]): RowIssue[] {
  const flagged = new Set(base.map((i) => i.column?.zh));
  return [...base, ...extra.filter((i) => !i.column || !flagged.has(i.column.zh))];
}

function columnOf(kind: ImportKind, key: string): ImportColumn | null {
  return COLUMNS_OF[kind].find((c) => c.key === key) ?? null;
}

/** A zod issue in words a person can act on. */
function zodReason(issue: z.core.$ZodIssue): Bilingual {
  const i = issue as z.core.$ZodIssue & { maximum?: unknown; minimum?: unknown; origin?: string };
  switch (i.code) {
    case 'too_big':
      return i.origin === 'string'
        ? { zh: `最多${String(i.maximum)}个字`, en: `at most ${String(i.maximum)} characters` }
        : { zh: `不能超过${String(i.maximum)}`, en: `at most ${String(i.maximum)}` };
    case 'too_small':
      return i.origin === 'string'
        ? { zh: '必填', en: 'required' }
        : { zh: `不能小于${String(i.minimum)}`, en: `at least ${String(i.minimum)}` };
    case 'invalid_type':
      return { zh: '类型不正确', en: 'wrong type' };
    case 'invalid_value':
      return { zh: '取值不在允许范围内', en: 'not an allowed value' };
    default:
      return { zh: `格式不正确（${i.message}）`, en: i.message };
  }
}

/**
 * Maps API field paths back to template columns: the route schema and the services speak in API
 * fields (`contacts.0.phone`, `investors.1.firmId`, `ownerId`), the person in columns.
 */
const PATH_TO_COLUMN: Record<ImportKind, Record<string, string>> = {
  firm: {
    contacts: 'contactName',
    'contacts.name': 'contactName',
    'contacts.title': 'contactTitle',
    'contacts.phone': 'contactPhone',
  },
  lead: { targetFirmId: 'target', targetFirmName: 'target', referrerFirmId: 'referrer', ownerId: 'owner' },
  project: { investors: 'investors', officerId: 'officer' },
};

export function issueAt(kind: ImportKind, path: string, message: Bilingual): RowIssue {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const map = PATH_TO_COLUMN[kind];
  const key = map[parts.join('.')] ?? map[parts[0] ?? ''] ?? parts[0] ?? '';
  const col = columnOf(kind, key);
  return { column: col ? { zh: col.zh, en: col.en } : null, message };
}

function zodIssues(kind: ImportKind, error: z.ZodError): RowIssue[] {
  return error.issues.map((i) => issueAt(kind, i.path.map(String).join('.'), zodReason(i)));
}

/** A service's validation error (AppError with fields) as row issues; anything else is rethrown. */
export function appErrorIssues(kind: ImportKind, err: unknown): RowIssue[] {
  if (!(err instanceof AppError)) throw err;
  if (err.fields.length === 0) return [{ column: null, message: err.bilingual }];
  return err.fields.map((f) => issueAt(kind, f.path, f.message));
}

const pick = (values: RowValues, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));

// ---- firms ----------------------------------------------------------------------------------------

/** The create-firm body of the route (POST /api/firms). */
const firmBody = z.strictObject({ name: nameText, ...firmFields });

export interface FirmDraft {
  input: FirmInput & { name: string };
  /** Normalised USCC and industry code, as the service stores them. */
  codes: ReturnType<typeof checkFirmCodes>;
  uscc: string | null;
  nameNorm: string;
  /** The one contact a row can carry (merged into the firm's contacts on update). */
  contact: Contact | null;
}

/** Validates one firm row exactly as POST /api/firms would (schema, USCC check character, industry code). */
export function validateFirmRow(values: RowValues): { draft: FirmDraft | null; issues: RowIssue[] } {
  const body: Record<string, unknown> = pick(values, [
    'name',
    'uscc',
    'shortName',
    'region',
    'industryCode',
    'registeredCapital',
    'sizeClass',
    'listedExchange',
    'listedCode',
    'parentGroup',
    'chainLink',
    'tags',
    'businessScope',
    'note',
  ]);
  if (values.isLocal !== undefined) body.isLocal = values.isLocal;
  const contactName = values.contactName as string | undefined;
  if (contactName || values.contactTitle || values.contactPhone) {
    body.contacts = [
      {
        name: contactName ?? '',
        title: (values.contactTitle as string | undefined) ?? null,
        phone: (values.contactPhone as string | undefined) ?? null,
      },
    ];
  }
  const parsed = firmBody.safeParse(body);
  const issues = parsed.success ? [] : zodIssues('firm', parsed.error);
  // The service's code checks run even when the schema refused another column: one pass, all problems.
  let codes: ReturnType<typeof checkFirmCodes> = {};
  try {
    codes = checkFirmCodes({
      uscc: typeof body.uscc === 'string' ? body.uscc : undefined,
      industryCode: typeof body.industryCode === 'string' ? body.industryCode : undefined,
    });
  } catch (err) {
    const flagged = new Set(issues.map((i) => i.column?.zh));
    issues.push(...appErrorIssues('firm', err).filter((i) => !i.column || !flagged.has(i.column.zh)));
  }
  if (!parsed.success || issues.length > 0) return { draft: null, issues };
  const { contacts, ...input } = parsed.data;
  return {
    draft: {
      input,
      codes,
      uscc: codes.uscc ?? null,
      nameNorm: normaliseFirmName(input.name),
      contact: contacts?.[0] ?? null,
    },
    issues: [],
  };
}

// ---- leads ----------------------------------------------------------------------------------------

/** The create-lead body (POST /api/leads) without its references, which the importer resolves. */
const leadBody = z.strictObject({ title: nameText, source: z.enum(LEAD_SOURCES), ...leadFields });

export interface LeadDraft {
  code: string | null;
  body: z.infer<typeof leadBody>;
  /** 目标企业 as typed: a USCC or a name (a firm in the register, or free text if it is not). */
  target: string;
  referrer: string | null;
  owner: string | null;
}

export function validateLeadRow(values: RowValues): { draft: LeadDraft | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const code = (values.code as string | undefined) ?? null;
  if (code && code.length > 40) {
    issues.push(issueAt('lead', 'code', { zh: '编号最多40个字', en: 'at most 40 characters' }));
  }
  const parsed = leadBody.safeParse(
    pick(values, ['title', 'source', 'chainLink', 'estimatedInvestment', 'nextStep', 'nextStepDate']),
  );
  if (!parsed.success) issues.push(...zodIssues('lead', parsed.error));
  if (issues.length > 0 || !parsed.success) return { draft: null, issues };
  return {
    draft: {
      code,
      body: parsed.data,
      target: values.target as string,
      referrer: (values.referrer as string | undefined) ?? null,
      owner: (values.owner as string | undefined) ?? null,
    },
    issues: [],
  };
}

// ---- projects -------------------------------------------------------------------------------------

/** The create-project body (POST /api/projects); investors and officer are resolved afterwards. */
const projectBody = z.strictObject({
  name: nameText,
  ...projectFields,
  stage: z.enum(PROJECT_STAGE_KEYS).optional(),
  stageDate: localDate.optional(),
});

export interface ProjectDraft {
  code: string | null;
  body: z.infer<typeof projectBody>;
  investors: Array<{ ref: string; sharePct: number | null }> | null;
  officer: string | null;
}

const PROJECT_KEYS = [
  'name',
  'stage',
  'stageDate',
  'park',
  'landMu',
  'totalInvestment',
  'fixedAssetInvestment',
  'fundsInPlace',
  'capacityQuantity',
  'capacityUnit',
  'capacityProduct',
  'expectedOutput',
  'expectedTax',
  'expectedJobs',
  'expectedExports',
  'priority',
  'leaderName',
  'contactName',
  'contactPhone',
  'chainLink',
  'startDate',
] as const;

export function validateProjectRow(values: RowValues): { draft: ProjectDraft | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const code = (values.code as string | undefined) ?? null;
  if (code && code.length > 40) {
    issues.push(issueAt('project', 'code', { zh: '编号最多40个字', en: 'at most 40 characters' }));
  }
  const investors = (values.investors as ProjectDraft['investors'] | undefined) ?? null;
  // Shares are checked by the route schema once the firms are resolved; placeholders keep the shape.
  const body = {
    ...pick(values, PROJECT_KEYS),
    ...(investors ? { investors: investors.map((i) => ({ firmId: 'x', sharePct: i.sharePct })) } : {}),
  };
  const parsed = projectBody.safeParse(body);
  if (!parsed.success) issues.push(...zodIssues('project', parsed.error));
  if (issues.length > 0 || !parsed.success) return { draft: null, issues };
  const { investors: _placeholders, ...rest } = parsed.data;
  return {
    draft: { code, body: rest, investors, officer: (values.officer as string | undefined) ?? null },
    issues: [],
  };
}
