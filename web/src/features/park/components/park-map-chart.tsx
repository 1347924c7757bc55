import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import type { EChartsType } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/core` default export arrives wrapped in an object under Vite.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useState } from 'react';
import type { Basemap } from '../../../../../shared/src/contract/park';
import { PLOT_STATUS_LABELS, type PlotStatus } from '../../../../../shared/src/park';
import { html } from '../../../lib/html-escape';
import { useI18n } from '../../../locales/i18n-context';
import type { MapData, MapFeature } from '../api/use-parks';
import { MapTileLayer, useMapTiles } from './map-tiles';

// Only the map series and its tooltip go into this chunk.
echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

/** Plot colours by status (the legend uses the same). */
export const STATUS_COLOURS: Record<PlotStatus, string> = {
  stock: '#bfbfbf',
  for_sale: '#52c41a',
  sold: '#1677ff',
  supplied: '#2f54eb',
  building: '#fa8c16',
  producing: '#722ed1',
  idle: '#f5222d',
};
const RESERVED_BORDER = '#d4b106';
const PARK_FILL = 'rgba(22, 119, 255, 0.06)';

let registered = 0;

function colourOf(f: MapFeature): string {
  if (f.properties.kind === 'park') return PARK_FILL;
  if (f.properties.kind === 'building') return f.properties.status === 'vacant' ? '#95de64' : '#8c8c8c';
  return STATUS_COLOURS[f.properties.status as PlotStatus] ?? '#bfbfbf';
}

interface Props {
  data: MapData;
  height: number | string;
  onSelect: (feature: MapFeature) => void;
  /** The configured basemap (GET /api/map/basemap); none: a plain background. */
  basemap?: Basemap | undefined;
}

/**
 * The 招商地图 drawn by ECharts' map series from the zone's own GeoJSON (registered as a map): on a
 * plain background with no network, or over the zone's configured basemap tiles (map-tiles.tsx). Parks under plots under buildings; names in tooltips
 * are escaped (html``), since plot numbers and park names are typed or imported by people.
 */
export function ParkMapChart({ data, height, onSelect, basemap }: Props) {
  const { pick } = useI18n();
  const template = basemap?.tiles ?? null;
  const { tiles, follow } = useMapTiles(template);
  // The map registered last has been drawn: set when the chart is ready (its first option is set and
  // flushed synchronously, before events can be bound) and on each later `finished`. Tests wait on it.
  const [drawn, setDrawn] = useState<string | null>(null);
  const { mapName, byId } = useMemo(() => {
    registered += 1;
    const name = `lianzhao-zone-${registered}`;
    const features = data.features.map((f) => ({
      type: 'Feature' as const,
      geometry: f.geometry,
      properties: { name: f.id },
    }));
    // ECharts types its GeoJSON input loosely; the features are RFC 7946 polygons.
    echarts.registerMap(name, { type: 'FeatureCollection', features } as unknown as Parameters<
      typeof echarts.registerMap
    >[1]);
    return { mapName: name, byId: new Map(data.features.map((f) => [f.id, f])) };
  }, [data]);

  const option = useMemo(() => {
    const lat = data.bbox ? ((data.bbox[1] ?? 0) + (data.bbox[3] ?? 0)) / 2 : 36.45;
    return {
      // Transparent over a basemap: the tiles lie behind the canvas.
      backgroundColor: template ? 'transparent' : '#fafafa',
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const f = byId.get(p.name);
          if (!f) return '';
          const x = f.properties;
          if (x.kind === 'park') return html`<b>${x.name}</b>`;
          if (x.kind === 'building') {
            return html`<b>${x.name}</b><br/>${x.areaM2 ?? 0} m² · ${x.vacantM2 ?? 0} m² ↓`;
          }
          const status = PLOT_STATUS_LABELS[x.status as PlotStatus];
          return html`<b>${x.name}</b><br/>${x.areaMu ?? ''} 亩 · ${status ? pick(status) : ''}${x.reserved ? ' · ★' : ''}`;
        },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          roam: true,
          // Degrees of longitude are shorter than degrees of latitude by cos(latitude).
          aspectScale: Math.cos((lat * Math.PI) / 180),
          selectedMode: false,
          label: { show: false },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffe58f' } },
          itemStyle: { borderColor: '#595959', borderWidth: 0.5 },
          data: data.features.map((f) => ({
            name: f.id,
            value: f.properties.areaMu ?? f.properties.areaM2 ?? 0,
            itemStyle: {
              areaColor: colourOf(f),
              borderColor: f.properties.reserved
                ? RESERVED_BORDER
                : f.properties.kind === 'park'
                  ? '#1677ff'
                  : '#595959',
              borderWidth: f.properties.reserved ? 3 : f.properties.kind === 'park' ? 1.5 : 0.5,
            },
            label:
              f.properties.kind === 'plot'
                ? { show: true, formatter: f.properties.name, fontSize: 9, color: '#262626' }
                : {
                    show: f.properties.kind === 'park',
                    formatter: f.properties.name,
                    fontSize: 11,
                    color: '#1677ff',
                  },
          })),
        },
      ],
    };
  }, [data, mapName, byId, pick, template]);

  return (
    <div
      data-testid="park-map"
      data-features={data.features.length}
      data-drawn={drawn === mapName ? 'true' : 'false'}
      style={{ position: 'relative' }}
    >
      {template ? <MapTileLayer tiles={tiles} attribution={basemap?.attribution ?? null} /> : null}
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%', position: 'relative', zIndex: 1 }}
        onChartReady={(chart: EChartsType) => {
          follow(chart);
          setDrawn(mapName);
        }}
        onEvents={{
          finished: () => setDrawn(mapName),
          click: (p: { name?: string }) => {
            const f = p.name ? byId.get(p.name) : undefined;
            if (f) onSelect(f);
          },
        }}
      />
    </div>
  );
}
