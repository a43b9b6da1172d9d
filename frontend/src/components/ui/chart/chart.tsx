import './chart.css';

import type { ChartConfiguration, ChartType } from 'chart.js';
import { useEffect, useRef, useState, type ReactNode } from 'react';

type ChartProps<Type extends ChartType> = {
  /** What the chart shows, as Chart.js draws it. */
  config: ChartConfiguration<Type>;
  /** The chart in one or two sentences: its accessible name, and its caption. */
  summary: string;
  /** Said while the library loads, and if it cannot draw (the text alternative stays). */
  loadingLabel: string;
  /** The figures behind the chart as text (a table), for whoever cannot see the drawing. */
  children: ReactNode;
  testId?: string;
};

type Drawing = { destroy: () => void };

/**
 * A chart drawn by Chart.js on a canvas, with its figures beside it as text: the canvas is an
 * image named by `summary`, the text alternative (`children`) carries every value. The library
 * is fetched the first time a chart is shown, never with the public pages.
 */
export function Chart<Type extends ChartType>({ config, summary, loadingLabel, children, testId }: ChartProps<Type>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');

  useEffect(() => {
    let drawing: Drawing | null = null;
    let cancelled = false;
    void import('@/components/ui/chart/chart-library')
      .then(({ Chart: ChartJs }) => {
        const context = canvas.current?.getContext('2d');
        if (cancelled || !context) {
          if (!cancelled) setState('failed');
          return;
        }
        ChartJs.defaults.font.family = getComputedStyle(document.body).fontFamily;
        ChartJs.defaults.color = '#1f2328';
        drawing = new ChartJs(context, {
          ...config,
          options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
        } as ChartConfiguration);
        setState('drawn');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      drawing?.destroy();
    };
  }, [config]);

  return (
    <figure className="chart" data-testid={testId} data-state={state}>
      <figcaption className="chart__summary">{summary}</figcaption>
      <div className="chart__canvas">
        <canvas ref={canvas} role="img" aria-label={summary} />
        {state === 'loading' ? <p className="chart__note muted">{loadingLabel}</p> : null}
      </div>
      <div className="chart__figures">{children}</div>
    </figure>
  );
}
