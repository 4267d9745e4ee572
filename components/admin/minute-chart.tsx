'use client';

import { useEffect, useRef } from 'react';

import 'uplot/dist/uPlot.min.css';

export type ChartSeries = { label: string; values: (number | null)[]; color: string };

/**
 * One line chart (uPlot, a small maintained canvas chart library). Its code is loaded only when
 * a chart mounts, so no other page pays for it. The canvas is decorative for screen readers:
 * the operations page puts each chart's figures in text beside it.
 */
export function MinuteChart({
  times,
  series,
  height = 160,
}: {
  /** Seconds since the epoch, one per point. */
  times: number[];
  series: ChartSeries[];
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      chart = new UPlot(
        {
          width: Math.max(240, element.clientWidth),
          height,
          legend: { show: false },
          series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2 }))],
          axes: [{ stroke: 'currentColor' }, { stroke: 'currentColor' }],
        },
        [times, ...series.map((s) => s.values)],
        element,
      );
      element.dataset.rendered = 'true';
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [times, series, height]);

  return <div ref={box} aria-hidden="true" className="w-full" data-chart="" />;
}
