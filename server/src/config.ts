import path from 'node:path';
import { defaultPgPoolSize } from './db/pool-size';

/** Everything the process reads from the environment, read once (README lists each variable). */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoPassword: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Cookies get `Secure` when the app sits behind TLS (reverse proxy sets this). */
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** PostgreSQL connections this process holds at most, read workers' pools included. */
  pgPoolSize: number;
  webDist: string;
  /**
   * Where users reach this server (LIANZHAO_PUBLIC_URL, e.g. https://zhaoshang.example.gov.cn):
   * group-bot and email messages then carry a link to their record. Null: messages carry none.
   */
  publicUrl: string | null;
  /**
   * LIANZHAO_CLOCK_START: the instant this process's clock starts at (it then runs at the normal
   * pace); null: the system clock. Browser tests start the demo load and every server on one
   * instant; a demo can be shown as of another day. See lib/clock.ts.
   */
  clockStart: Date | null;
  /**
   * LIANZHAO_MAP_TILES: a basemap under the 招商地图, as an XYZ tile URL template (…{z}…{x}…{y}…,
   * e.g. 天地图 with the zone's key); null: the map draws on a plain background (works offline).
   * LIANZHAO_MAP_TILES_ATTRIBUTION: the line the tile provider asks to be shown (审图号 etc.).
   */
  mapTiles: MapTilesConfig | null;
  /**
   * LIANZHAO_LIST_EXACT_TOTAL_CAP: the project list counts its matches exactly up to this many and
   * estimates (and labels) a larger total, so a filter matching 300 000 projects does not count
   * them all for every page (issue 19). 10 000 costs about a millisecond to count.
   */
  listExactTotalCap: number;
  /**
   * LIANZHAO_LIST_CACHE_MB: memory for project-list pages kept as sent and served again until any
   * write is committed (lib/versioned-answers.ts); 0 computes every page. 64 MB holds ~1,400 pages
   * of 50 rows; pages nobody opened for two minutes are dropped, so memory returns after a load.
   */
  listCacheMb: number;
}

export interface MapTilesConfig {
  url: string;
  /** The tiles' origin, which the Content-Security-Policy lets images load from. */
  origin: string;
  attribution: string | null;
}

function clockStartFromEnv(value: string | undefined): Date | null {
  if (!value) return null;
  // An instant, so its zone must be given (Z or ±hh:mm): a bare local time would depend on the host.
  const start = /(Z|[+-]\d\d:\d\d)$/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(start.getTime())) {
    throw new Error(
      `LIANZHAO_CLOCK_START must be a date and time with its zone, e.g. 2026-06-15T10:00:00+08:00, got "${value}"`,
    );
  }
  return start;
}

function mapTilesFromEnv(value: string | undefined, attribution: string | undefined): MapTilesConfig | null {
  if (!value) return null;
  const refuse = () =>
    new Error(
      `LIANZHAO_MAP_TILES must be an http(s) tile address with {z}, {x} and {y}, e.g. https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY, got "${value}"`,
    );
  if (!['{z}', '{x}', '{y}'].every((part) => value.includes(part))) throw refuse();
  let url: URL;
  try {
    url = new URL(value.replace(/[{}]/g, ''));
  } catch {
    throw refuse();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse();
  return { url: value, origin: url.origin, attribution: attribution?.trim() || null };
}

function publicUrlFromEnv(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`LIANZHAO_PUBLIC_URL must be an http(s) address, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`LIANZHAO_PUBLIC_URL must be an http(s) address, got "${value}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** See `AppConfig.listCacheMb`. */
export const DEFAULT_LIST_CACHE_MB = 64;

/** See `AppConfig.listExactTotalCap`. */
export const DEFAULT_LIST_EXACT_TOTAL_CAP = 10_000;

/** The demo password is printed on first start; an env var overrides it for shared demos. */
export const DEFAULT_DEMO_PASSWORD = 'Lianzhao@2024';

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

/** As intFromEnv, where 0 is allowed (it turns the feature off). */
function wholeFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === '0') return 0;
  return intFromEnv(value, fallback, name);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    port: intFromEnv(env.PORT, 8080, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.LIANZHAO_DATA_DIR || path.join(root, 'data')),
    databaseUrl: env.DATABASE_URL || null,
    demoPassword: env.LIANZHAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    sessionIdleMinutes: intFromEnv(env.LIANZHAO_SESSION_IDLE_MINUTES, 30, 'LIANZHAO_SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: intFromEnv(
      env.LIANZHAO_SESSION_ABSOLUTE_HOURS,
      12,
      'LIANZHAO_SESSION_ABSOLUTE_HOURS',
    ),
    secureCookies: env.LIANZHAO_SECURE_COOKIES === '1' || env.LIANZHAO_SECURE_COOKIES === 'true',
    trustProxy: env.LIANZHAO_TRUST_PROXY === '1' || env.LIANZHAO_TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    pgPoolSize: intFromEnv(env.LIANZHAO_PG_POOL_SIZE, defaultPgPoolSize(), 'LIANZHAO_PG_POOL_SIZE'),
    webDist: path.join(root, 'web', 'dist'),
    publicUrl: publicUrlFromEnv(env.LIANZHAO_PUBLIC_URL),
    clockStart: clockStartFromEnv(env.LIANZHAO_CLOCK_START),
    mapTiles: mapTilesFromEnv(env.LIANZHAO_MAP_TILES, env.LIANZHAO_MAP_TILES_ATTRIBUTION),
    listExactTotalCap: intFromEnv(
      env.LIANZHAO_LIST_EXACT_TOTAL_CAP,
      DEFAULT_LIST_EXACT_TOTAL_CAP,
      'LIANZHAO_LIST_EXACT_TOTAL_CAP',
    ),
    listCacheMb: wholeFromEnv(env.LIANZHAO_LIST_CACHE_MB, DEFAULT_LIST_CACHE_MB, 'LIANZHAO_LIST_CACHE_MB'),
  };
}
