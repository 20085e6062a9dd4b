import type { JSX } from 'react';
import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { chartRows, type SeriesPoint } from './format';

/** Fixed colours as SVG attributes (no inline styles under the CSP); readable on both themes. */
const PALETTE = ['#2f6fdf', '#d9480f', '#2b8a3e', '#ae3ec9', '#e67700', '#0b7285', '#c2255c', '#5c940d', '#5f3dc4', '#868e96'] as const;

export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly points: readonly SeriesPoint[];
}

/** Average scores (0–100) per month, one line per series. */
export function ScoreChart(props: { readonly title: string; readonly months: readonly string[]; readonly series: readonly ChartSeries[]; readonly testId: string }): JSX.Element {
  const rows = chartRows(props.months, props.series);
  return (
    <figure className="progress-chart" data-testid={props.testId} aria-label={props.title}>
      <LineChart width={760} height={300} data={rows} margin={{ top: 10, right: 24, bottom: 10, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} label={{ value: 'Average score', angle: -90, position: 'insideLeft' }} />
        <Legend />
        {props.series.map((series, index) => (
          <Line
            key={series.key}
            type="monotone"
            dataKey={series.key}
            name={series.name}
            stroke={PALETTE[index % PALETTE.length]}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}
