import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { UsageRow } from '@genhub/core/schemas';

Chart.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const palette = ['#f59e0b', '#10b981', '#6366f1', '#ef4444', '#0ea5e9', '#a855f7', '#84cc16'];

/** Spend per day in one unit, stacked by provider. */
export function UsageChart({
  rows,
  unit,
  label,
}: {
  rows: UsageRow[];
  unit: string;
  label: string;
}) {
  const inUnit = rows.filter((r) => r.unit === unit);
  const days = [...new Set(inUnit.map((r) => r.day))].sort();
  const providers = [...new Set(inUnit.map((r) => r.provider))];
  const datasets = providers.map((provider, i) => ({
    label: provider,
    backgroundColor: palette[i % palette.length],
    maxBarThickness: 48,
    data: days.map((day) =>
      inUnit
        .filter((r) => r.day === day && r.provider === provider)
        .reduce((sum, r) => sum + r.amount, 0),
    ),
  }));
  return (
    <div className="h-72" role="img" aria-label={label}>
      <Bar
        data={{ labels: days, datasets }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { stacked: true },
            y: { stacked: true, title: { display: true, text: unit } },
          },
        }}
      />
    </div>
  );
}
