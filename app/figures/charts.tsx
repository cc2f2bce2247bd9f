/**
 * Server-rendered SVG charts: each a <figure> with an SVG that has <title>
 * and <desc>, and the same numbers in a table behind it (and as CSV).
 */
import { scaleLinear, scaleQuantize } from 'd3-scale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type ChartRow = { key: string; label: string; value: number; display?: string };

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 200;
const WIDTH = 560;

const BAR_COLOUR = '#2a6f97';

/** What a chart's colours mean, as text beside a swatch (every chart has one). */
export function Legend({ items }: { items: ReadonlyArray<{ colour: string; label: string }> }) {
  const { t } = useTranslation('workbench');
  return (
    <ul
      className="chart-legend"
      aria-label={t('figures.legend')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem', listStyle: 'none', padding: 0, margin: '0 0 0.5rem', fontSize: '0.9rem' }}
    >
      {items.map((item) => (
        <li key={item.label}>
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              inlineSize: '0.9rem',
              blockSize: '0.9rem',
              background: item.colour,
              border: '1px solid #666',
              verticalAlign: 'middle',
            }}
          />{' '}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

export function BarChart({
  title,
  description,
  rows,
  csvHref,
  legend,
}: {
  title: string;
  description: string;
  rows: readonly ChartRow[];
  csvHref?: string;
  /** What the bars count; "Antal" when not given. */
  legend?: string;
}) {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, WIDTH - LABEL_WIDTH - 60]);
  const height = rows.length * (BAR_HEIGHT + 6) + 6;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-desc`}>{description}</p>
      <Legend items={[{ colour: BAR_COLOUR, label: legend ?? tw('figures.legendCount') }]} />
      <svg
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxInlineSize: WIDTH }}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-svg-desc`}>{description}</desc>
        {rows.map((row, i) => {
          const y = 6 + i * (BAR_HEIGHT + 6);
          return (
            <g key={row.key}>
              <text x={0} y={y + BAR_HEIGHT * 0.7} fontSize="13">
                {row.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(0, x(row.value))} height={BAR_HEIGHT} fill={BAR_COLOUR} />
              <text x={LABEL_WIDTH + x(row.value) + 6} y={y + BAR_HEIGHT * 0.7} fontSize="13">
                {row.display ?? row.value}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('figures.table')}</summary>
        <DataTable caption={title} rows={rows} />
      </details>
      {csvHref ? (
        <p>
          <a href={csvHref} download>
            {t('figures.csv')}
          </a>
        </p>
      ) : null}
    </figure>
  );
}

export function DataTable({ caption, rows, labelHeader }: { caption: string; rows: readonly ChartRow[]; labelHeader?: string }) {
  const { t } = useTranslation('consultant');
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader ?? t('figures.label')}</th>
          <th scope="col">{t('figures.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.display ?? row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PALETTE = ['#e8f1f8', '#b9d5ea', '#7fb2d8', '#3f86c0', '#1b5a91'];

/**
 * Municipality names in Danish order, the same on the server and in the
 * browser. A bare localeCompare sorts by each side's own default locale: in
 * Node (en) "Aabenraa" comes first, in a Danish browser after "Vordingborg"
 * (aa is å), so the map's table hydrated in another order than the server
 * rendered it (React errors 418/425 on /admin/figures).
 */
const MUNICIPALITY_ORDER = new Intl.Collator('da');

export function MunicipalityMap({
  title,
  description,
  paths,
  values,
  width,
  height,
  csvHref,
}: {
  title: string;
  description: string;
  paths: ReadonlyArray<{ code: string; name: string; d: string }>;
  values: Record<string, number>;
  width: number;
  height: number;
  csvHref?: string;
}) {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const id = useId();
  const max = Math.max(1, ...Object.values(values));
  const colour = scaleQuantize<string>().domain([0, max]).range(PALETTE);
  const legend = [
    { colour: '#f4f4f4', label: tw('figures.legendNone') },
    ...PALETTE.map((shade) => {
      const [from, to] = colour.invertExtent(shade);
      return { colour: shade, label: tw('figures.legendRange', { from: Math.round(from ?? 0), to: Math.round(to ?? max) }) };
    }),
  ];
  const rows: ChartRow[] = paths
    .filter((p) => (values[p.code] ?? 0) > 0)
    .map((p) => ({ key: p.code, label: p.name, value: values[p.code] ?? 0 }))
    .sort((a, b) => b.value - a.value || MUNICIPALITY_ORDER.compare(a.label, b.label));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{description}</p>
      <Legend items={legend} />
      <svg
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxInlineSize: width }}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-svg-desc`}>{description}</desc>
        {paths.map((p) => {
          const value = values[p.code] ?? 0;
          return (
            <path key={p.code} d={p.d} fill={value > 0 ? colour(value) : '#f4f4f4'} stroke="#666" strokeWidth={0.3}>
              <title>{`${p.name}: ${value}`}</title>
            </path>
          );
        })}
      </svg>
      <details>
        <summary>{t('figures.table')}</summary>
        {rows.length === 0 ? <p>{t('figures.noData')}</p> : <DataTable caption={title} rows={rows} labelHeader={t('figures.municipality')} />}
      </details>
      {csvHref ? (
        <p>
          <a href={csvHref} download>
            {t('figures.csv')}
          </a>
        </p>
      ) : null}
    </figure>
  );
}
