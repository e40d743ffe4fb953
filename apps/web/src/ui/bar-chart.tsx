export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

export interface BarGroup {
  label: string;
  values: Record<string, number>;
}

/**
 * Stacked bars as inline SVG (no chart library): one bar per group, one segment per series, the
 * total above each bar. Scales to its container's width.
 */
export function StackedBarChart({ groups, series, title, height = 240 }: { groups: BarGroup[]; series: BarSeries[]; title: string; height?: number }) {
  const width = 960;
  const pad = { top: 24, right: 12, bottom: 28, left: 36 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const totals = groups.map((g) => series.reduce((sum, s) => sum + (g.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  // A few whole-number gridlines.
  const step = Math.max(1, Math.ceil(max / 4));
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  const top = ticks[ticks.length - 1] < max ? ticks[ticks.length - 1] + step : Math.max(ticks[ticks.length - 1], 1);
  if (ticks[ticks.length - 1] !== top) ticks.push(top);
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(groups.length, 1);
  const barW = Math.min(48, slot * 0.6);

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#718096">
              {t}
            </text>
          </g>
        ))}
        {groups.map((g, i) => {
          const x = pad.left + slot * i + (slot - barW) / 2;
          let acc = 0;
          return (
            <g key={g.label}>
              {series.map((s) => {
                const v = g.values[s.key] ?? 0;
                if (v <= 0) return null;
                const y0 = y(acc + v);
                const h = y(acc) - y0;
                acc += v;
                return (
                  <rect key={s.key} x={x} y={y0} width={barW} height={h} fill={s.colour}>
                    <title>{`${g.label} ${s.label}：${v}`}</title>
                  </rect>
                );
              })}
              <text x={x + barW / 2} y={y(totals[i]) - 5} textAnchor="middle" fontSize="11" fill="#2d3748">
                {totals[i]}
              </text>
              <text x={x + barW / 2} y={height - 8} textAnchor="middle" fontSize="12" fill="#4a5568">
                {g.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.colour }} /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
