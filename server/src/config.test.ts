import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { contentSecurityPolicy } from './plugins/security-headers';

describe('the basemap setting (LIANZHAO_MAP_TILES)', () => {
  it('is off by default: no tiles, and images load only from this origin', () => {
    expect(loadConfig({}).mapTiles).toBeNull();
    expect(contentSecurityPolicy(false)['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('takes an XYZ template with its attribution and lets the CSP load images from its origin only', () => {
    const config = loadConfig({
      LIANZHAO_MAP_TILES: 'https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY',
      LIANZHAO_MAP_TILES_ATTRIBUTION: ' 天地图 GS(2024)0568号 ',
    });
    expect(config.mapTiles).toEqual({
      url: 'https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY',
      origin: 'https://t0.tianditu.gov.cn',
      attribution: '天地图 GS(2024)0568号',
    });
    const csp = contentSecurityPolicy(false, config.mapTiles?.origin ?? null);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://t0.tianditu.gov.cn']);
    // Only images: scripts and connections stay on this origin.
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
  });

  it('refuses an address without {z}/{x}/{y} or not http(s), naming the variable', () => {
    for (const bad of [
      'https://tiles.example/{z}/{x}.png',
      'ftp://tiles.example/{z}/{x}/{y}.png',
      'tiles/{z}/{x}/{y}',
    ]) {
      expect(() => loadConfig({ LIANZHAO_MAP_TILES: bad })).toThrow(/LIANZHAO_MAP_TILES/);
    }
  });
});

describe('kept list pages (LIANZHAO_LIST_CACHE_MB)', () => {
  it('keeps 64 MB by default, takes 0 to keep none, and names the variable when it is not a whole number', () => {
    expect(loadConfig({}).listCacheMb).toBe(64);
    expect(loadConfig({ LIANZHAO_LIST_CACHE_MB: '0' }).listCacheMb).toBe(0);
    expect(loadConfig({ LIANZHAO_LIST_CACHE_MB: '64' }).listCacheMb).toBe(64);
    for (const bad of ['-1', '1.5', 'lots']) {
      expect(() => loadConfig({ LIANZHAO_LIST_CACHE_MB: bad })).toThrow(/LIANZHAO_LIST_CACHE_MB/);
    }
  });
});
