import type { ImportPreview } from '../../../../shared/src/contract/park';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import {
  PARK_LIMITS,
  PLOT_IMPORT_FIELDS,
  PLOT_STATUS_LABELS,
  PLOT_STATUSES,
  type PlotImportField,
  type PlotStatus,
} from '../../../../shared/src/park';
import type { PlotTable } from '../../db/database';
import { areaMu, flatOutline, type OutlineGeometry, outlineProblems } from '../../lib/geo';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { parkExists } from '../park/park.service';
import * as repo from './plot.repository';
import { newPlotRow, plotShapeColumns } from './plot.service';
import { type RawFeature, readOutlineFile } from './plot-import.readers';

/**
 * Outline import (issue 18): a file's features become plots of one park. The preview shows every
 * feature with its mapped fields and what is wrong with it; apply writes all of them or, if any
 * feature is wrong, none (400 with the same per-feature report).
 */

/** KML styling and reader bookkeeping: not attributes a person maps. */
const STYLE_KEYS = new Set([
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'visibility',
  'icon',
  'icon-scale',
  'label-scale',
]);

/** Column names zones' files use for each field (lower-cased), for the suggested mapping. */
const KNOWN_COLUMNS: Record<PlotImportField, readonly string[]> = {
  code: ['code', 'plot_code', '编号', '地块编号', '宗地编号', 'dkbh', 'zdbh', 'name', '名称', '地块名称'],
  areaMu: ['area_mu', 'areamu', 'mu', '亩', '面积', '面积亩', '面积（亩）', '面积(亩)', 'mj'],
  landUse: ['land_use', 'landuse', '用地性质', '地类', '地类编码', 'dlbm', '用途'],
  status: ['status', '状态', '供地状态'],
  plotRatio: ['plot_ratio', 'far', '容积率', 'rjl'],
  heightM: ['height', 'height_m', '限高', '建筑限高'],
  price: ['price', '价格', '出让价', '出让价格', '地价'],
  powerKva: ['power_kva', 'power', '电力', '供电容量'],
  note: ['note', 'description', '备注', '说明'],
};

export function suggestMapping(columns: readonly string[]): Record<string, PlotImportField> {
  const mapping: Record<string, PlotImportField> = {};
  const taken = new Set<PlotImportField>();
  for (const field of PLOT_IMPORT_FIELDS) {
    const column = columns.find((c) => KNOWN_COLUMNS[field].includes(c.trim().toLowerCase()));
    if (column && !mapping[column] && !taken.has(field)) {
      mapping[column] = field;
      taken.add(field);
    }
  }
  return mapping;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
}

/** Polygons of a feature's geometry; a KML MultiGeometry of polygons becomes one MultiPolygon. */
function outlineOf(geometry: unknown): OutlineGeometry | Bilingual {
  const g = geometry as { type?: string; coordinates?: unknown; geometries?: unknown[] } | null;
  if (!g?.type) return { zh: '没有几何图形', en: 'No geometry' };
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) return { zh: '几何坐标缺失', en: 'Geometry has no coordinates' };
    return g as OutlineGeometry;
  }
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    const parts = g.geometries.map(outlineOf);
    const polys = parts.flatMap((p) =>
      'type' in p ? (p.type === 'Polygon' ? [p.coordinates] : p.coordinates) : [],
    );
    if (polys.length === parts.length && polys.length > 0)
      return { type: 'MultiPolygon', coordinates: polys };
  }
  return {
    zh: `几何类型为 ${g.type}，地块须为面（Polygon）`,
    en: `Geometry is a ${g.type}; a plot must be a polygon`,
  };
}

function statusOf(v: string): PlotStatus | null {
  if ((PLOT_STATUSES as readonly string[]).includes(v)) return v as PlotStatus;
  return PLOT_STATUSES.find((s) => PLOT_STATUS_LABELS[s].zh === v) ?? null;
}

function numberOf(v: string): number | null {
  const n = Number(v.replace(/[,，\s]/g, ''));
  return v !== '' && Number.isFinite(n) ? n : null;
}

interface CheckedFeature {
  preview: ImportPreview['features'][number];
  row: Omit<PlotTable, 'park_id' | 'created_at' | 'updated_at' | 'id' | 'version' | 'is_sample'> | null;
}

const bad = (zh: string, en: string): Bilingual => ({ zh, en });

function checkFeature(
  f: RawFeature,
  index: number,
  mapping: Record<string, PlotImportField>,
): CheckedFeature {
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.properties))
    if (!STYLE_KEYS.has(k)) attributes[k] = text(v).slice(0, 2000);
  const mapped: Partial<Record<PlotImportField, string>> = {};
  for (const [column, field] of Object.entries(mapping)) {
    const v = attributes[column];
    if (v !== undefined && v !== '') mapped[field] = v;
  }
  const errs: Bilingual[] = [];
  const shape = outlineOf(f.geometry);
  let outline: OutlineGeometry | null = null;
  if ('type' in shape) {
    outline = flatOutline(shape);
    errs.push(...outlineProblems(outline));
  } else errs.push(shape);
  const outlineMu = outline && errs.length === 0 ? Math.round(areaMu(outline) * 100) / 100 : null;
  const code = mapped.code?.slice(0, 200) ?? null;
  if (!code)
    errs.push(bad('缺少地块编号（请将一列映射为“编号”）', 'No plot number (map a column to “code”)'));
  let area = outlineMu;
  if (mapped.areaMu !== undefined) {
    area = numberOf(mapped.areaMu);
    if (area === null || area <= 0 || area > PARK_LIMITS.maxPlotMu) {
      errs.push(bad(`面积“${mapped.areaMu}”不是有效的亩数`, `Area “${mapped.areaMu}” is not a number of 亩`));
    }
  }
  const status = mapped.status === undefined ? 'stock' : statusOf(mapped.status);
  if (status === null) errs.push(bad(`状态“${mapped.status}”无法识别`, `Unknown status “${mapped.status}”`));
  const numeric = (
    field: 'plotRatio' | 'heightM' | 'price' | 'powerKva',
    label: Bilingual,
  ): number | null => {
    const v = mapped[field];
    if (v === undefined) return null;
    const n = numberOf(v);
    if (n === null || n < 0)
      errs.push(bad(`${label.zh}“${v}”不是有效数字`, `${label.en} “${v}” is not a number`));
    return n;
  };
  const plotRatio = numeric('plotRatio', { zh: '容积率', en: 'Plot ratio' });
  const heightM = numeric('heightM', { zh: '限高', en: 'Height' });
  const price = numeric('price', { zh: '价格', en: 'Price' });
  const powerKva = numeric('powerKva', { zh: '供电容量', en: 'Power' });
  const landUse = mapped.landUse ?? null;
  if (landUse && landUse.length > 8)
    errs.push(bad('用地性质编码过长（GB/T 21010 编码）', 'Land-use code too long (GB/T 21010 code)'));
  const unmapped = Object.fromEntries(Object.entries(attributes).filter(([k]) => !mapping[k]));
  const preview = {
    index,
    name: text(f.properties.name) || null,
    code,
    areaMu: area,
    outlineMu,
    status,
    attributes,
    errors: errs,
  };
  if (errs.length > 0 || !outline || !code || area === null || status === null) return { preview, row: null };
  return {
    preview,
    row: {
      code,
      area_mu: area,
      land_use: landUse,
      plot_ratio: plotRatio,
      height_m: heightM,
      status,
      price: price === null ? null : Math.round(price),
      power_kva: powerKva === null ? null : Math.round(powerKva),
      min_investment_per_mu: null,
      min_tax_per_mu: null,
      max_energy_per_output: null,
      project_id: null,
      ...plotShapeColumns(outline),
      attributes_json: JSON.stringify(unmapped),
      note: mapped.note ?? null,
    },
  };
}

export interface ImportInput {
  parkId: string;
  fileName: string;
  bytes: Buffer;
  /** Column → field; when absent, the suggested mapping. */
  mapping: Record<string, PlotImportField> | null;
  apply: boolean;
}

/** Reads, checks and (with `apply` and no errors) writes the file's plots in one transaction. */
export async function importPlots(ctx: ServiceContext, input: ImportInput): Promise<ImportPreview> {
  requireActor(ctx);
  if (!(await parkExists(ctx, input.parkId))) {
    throw errors.validation([{ path: 'parkId', message: { zh: '园区不存在', en: 'No such park' } }]);
  }
  const { format, features } = await readOutlineFile(input.fileName, input.bytes);
  if (features.length === 0) {
    const message = bad('文件中没有要素', 'The file holds no features');
    throw errors.badRequest('PLOT_IMPORT_EMPTY', message, [{ path: 'file', message }]);
  }
  if (features.length > PARK_LIMITS.maxImportFeatures) {
    const message = bad(
      `要素超过 ${PARK_LIMITS.maxImportFeatures} 个上限，请分批导入`,
      `More than ${PARK_LIMITS.maxImportFeatures} features; import in parts`,
    );
    throw errors.badRequest('PLOT_IMPORT_TOO_MANY', message, [{ path: 'file', message }]);
  }
  const columns = [
    ...new Set(features.flatMap((f) => Object.keys(f.properties).filter((k) => !STYLE_KEYS.has(k)))),
  ];
  const mapping = input.mapping ?? suggestMapping(columns);
  const checked = features.map((f, i) => checkFeature(f, i + 1, mapping));
  // Plot numbers must be new to the park and unique in the file.
  const codes = checked.flatMap((c) => (c.preview.code ? [c.preview.code] : []));
  const existing = await repo.existingCodes(ctx.db.kysely, input.parkId, codes);
  const seen = new Set<string>();
  for (const c of checked) {
    const code = c.preview.code;
    if (!code) continue;
    if (existing.has(code)) {
      c.preview.errors.push(bad(`园区已有编号为“${code}”的地块`, `The park already has plot “${code}”`));
      c.row = null;
    } else if (seen.has(code)) {
      c.preview.errors.push(
        bad(`编号“${code}”在文件中重复`, `Plot number “${code}” appears twice in the file`),
      );
      c.row = null;
    }
    seen.add(code);
  }
  const errorCount = checked.filter((c) => c.preview.errors.length > 0).length;
  const preview: ImportPreview = {
    format,
    columns,
    mapping,
    features: checked.map((c) => c.preview),
    errorCount,
    applied: false,
    created: 0,
  };
  if (!input.apply) return preview;
  if (errorCount > 0) {
    throw errors.badRequest(
      'PLOT_IMPORT_REFUSED',
      {
        zh: `${errorCount} 个要素有误，未导入任何地块`,
        en: `${errorCount} features have errors; no plot was imported`,
      },
      [],
      { preview },
    );
  }
  const nowIso = ctx.clock.now().toISOString();
  const rows = checked.flatMap((c) =>
    c.row ? [newPlotRow(nowIso, { ...c.row, park_id: input.parkId })] : [],
  );
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertPlots(trx, rows);
    await writeAudit(trx, ctx, {
      entity: 'park',
      entityId: input.parkId,
      action: 'import-plots',
      after: {
        file: input.fileName,
        format,
        plots: rows.map((r) => ({ id: r.id, code: r.code, areaMu: r.area_mu })),
      },
    });
  });
  return { ...preview, applied: true, created: rows.length };
}
