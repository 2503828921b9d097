// A time-series chart (uPlot) drawn in a tenant's time zone; bars or lines, with drag-to-select a time span.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { axisLabels } from '../lib/time.js';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export interface TimeChartProps {
  /** Bucket starts, epoch ms. */
  times: number[];
  series: ChartSeries[];
  /** The x range shown, epoch ms; bars span [time, time + step). */
  range: { from: number; to: number };
  zone: string;
  kind: 'bars' | 'lines';
  height?: number;
  /** Accessible description of what the chart shows. */
  label: string;
  /** Called with the span the user dragged across, epoch ms. */
  onSelect?: (from: number, to: number) => void;
  testId?: string;
  /** Show the series names under the chart (default: when there are several). */
  legend?: boolean;
}

export const PALETTE = [
  '#2f7ed8',
  '#f28f43',
  '#3fa66b',
  '#c0504d',
  '#8064a2',
  '#4bacc6',
  '#9bbb59',
  '#f2b134',
];

export function TimeChart({
  times,
  series,
  range,
  zone,
  kind,
  height = 160,
  label,
  onSelect,
  testId,
  legend,
}: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const barSize: [number, number] = [0.9, 64];
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 200),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), zone),
      legend: { show: legend ?? series.length > 1, live: false },
      scales: {
        x: { time: true, range: () => [range.from / 1000, range.to / 1000] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
      },
      cursor: { drag: { x: Boolean(selectRef.current), y: false, setScale: false }, points: { show: false } },
      axes: [
        {
          stroke: '#8a96a3',
          grid: { stroke: 'rgba(138,150,163,0.15)' },
          ticks: { stroke: 'rgba(138,150,163,0.3)' },
          size: 44,
          space: 80,
          values: (_u, splits) => axisLabels(splits, zone),
        },
        { stroke: '#8a96a3', size: 56, grid: { stroke: 'rgba(138,150,163,0.15)' } },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          fill: kind === 'bars' ? `${s.color}cc` : `${s.color}22`,
          width: kind === 'bars' ? 0 : 1.5,
          points: { show: false },
          ...(kind === 'bars' ? { paths: uPlot.paths.bars!({ size: barSize, align: 1 }) } : {}),
        })),
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 3 || !selectRef.current) return;
            const from = u.posToVal(u.select.left, 'x') * 1000;
            const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            selectRef.current(Math.round(from), Math.round(to));
          },
        ],
      },
    };
    const data: uPlot.AlignedData = [times.map((t) => t / 1000), ...series.map((s) => s.values)];
    const plot = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 200), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, range.from, range.to, zone, kind, height, legend]);

  return <div ref={host} className="time-chart" role="img" aria-label={label} data-testid={testId} />;
}
