import type { EChartsType } from 'echarts/core';
import { useCallback, useEffect, useState } from 'react';

/**
 * The basemap under the 招商地图 (LIANZHAO_MAP_TILES): XYZ tiles in Web Mercator as plain <img>
 * elements behind the chart's transparent canvas, placed by asking the chart where each tile's
 * corners fall, so they follow every pan and zoom. The outlines are CGCS2000/WGS 84 and so are 天地图's
 * tiles: no offset is applied. Inside one tile (zoom ≥ 10 here) the map's linear latitude and the
 * tiles' Mercator latitude differ by well under a pixel.
 */

interface Tile {
  key: string;
  src: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** At most this many tiles are drawn at once (a wide view at a fine zoom asks for fewer, coarser ones). */
const MAX_TILES = 48;
const TILE_PX = 256;

const lonToX = (lon: number, n: number) => Math.floor(((lon + 180) / 360) * n);
const latToY = (lat: number, n: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
};
const xToLon = (x: number, n: number) => (x / n) * 360 - 180;
const yToLat = (y: number, n: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;

/** The tiles that cover the chart's view, with their places in pixels. */
export function tilesInView(chart: EChartsType, template: string): Tile[] {
  const finder = { seriesIndex: 0 };
  const width = chart.getWidth();
  const height = chart.getHeight();
  const topLeft = chart.convertFromPixel(finder, [0, 0]) as number[] | undefined;
  const bottomRight = chart.convertFromPixel(finder, [width, height]) as number[] | undefined;
  if (!topLeft || !bottomRight) return [];
  const [west = 0, north = 0] = topLeft;
  const [east = 0, south = 0] = bottomRight;
  if (!(east > west) || !(north > south)) return [];
  const pxPerDegree = width / (east - west);
  let zoom = Math.min(18, Math.max(3, Math.round(Math.log2((360 * pxPerDegree) / TILE_PX))));
  for (;;) {
    const n = 2 ** zoom;
    const [x0, x1, y0, y1] = [lonToX(west, n), lonToX(east, n), latToY(north, n), latToY(south, n)];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES && zoom > 3) {
      zoom -= 1;
      continue;
    }
    const tiles: Tile[] = [];
    for (let x = Math.max(0, x0); x <= Math.min(n - 1, x1); x++) {
      for (let y = Math.max(0, y0); y <= Math.min(n - 1, y1); y++) {
        const a = chart.convertToPixel(finder, [xToLon(x, n), yToLat(y, n)]) as number[];
        const b = chart.convertToPixel(finder, [xToLon(x + 1, n), yToLat(y + 1, n)]) as number[];
        const [ax = 0, ay = 0] = a;
        const [bx = 0, by = 0] = b;
        const src = template.replace('{z}', String(zoom)).replace('{x}', String(x)).replace('{y}', String(y));
        tiles.push({ key: `${zoom}/${x}/${y}`, src, left: ax, top: ay, width: bx - ax, height: by - ay });
      }
    }
    return tiles;
  }
}

/** Keeps the tile layer in step with the chart: on its first draw, each pan or zoom, and a resize. */
export function useMapTiles(template: string | null): {
  tiles: Tile[];
  follow: (chart: EChartsType) => void;
} {
  const [tiles, setTiles] = useState<Tile[]>([]);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const place = useCallback(() => {
    if (chart && template) setTiles(tilesInView(chart, template));
  }, [chart, template]);
  useEffect(() => {
    if (!chart || !template) return;
    place();
    chart.on('georoam', place);
    chart.on('finished', place);
    window.addEventListener('resize', place);
    return () => {
      chart.off('georoam', place);
      chart.off('finished', place);
      window.removeEventListener('resize', place);
    };
  }, [chart, template, place]);
  return { tiles: template ? tiles : [], follow: setChart };
}

/** The tile images, behind the chart (the chart's canvas is transparent when a basemap is set). */
export function MapTileLayer({ tiles, attribution }: { tiles: Tile[]; attribution: string | null }) {
  return (
    <div
      data-testid="map-tiles"
      style={{ position: 'absolute', inset: 0, overflow: 'hidden', zIndex: 0, background: '#fafafa' }}
    >
      {tiles.map((t) => (
        <img
          key={t.key}
          src={t.src}
          alt=""
          data-tile={t.key}
          draggable={false}
          style={{ position: 'absolute', left: t.left, top: t.top, width: t.width, height: t.height }}
        />
      ))}
      {attribution ? (
        <span
          style={{
            position: 'absolute',
            right: 4,
            bottom: 2,
            fontSize: 11,
            color: '#595959',
            background: 'rgba(255,255,255,0.7)',
            padding: '0 4px',
            zIndex: 2,
          }}
        >
          {attribution}
        </span>
      ) : null}
    </div>
  );
}
