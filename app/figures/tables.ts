/**
 * The figures as plain tables (header + rows) for CSV export. Headings are
 * Danish, for the municipality's spreadsheet; the rows keep their keys, not
 * translated labels, so files compare across languages and years.
 */
import type { Figures, MapFigure, TableId } from './figures.server.js';

const HEADINGS_DA: Record<string, string> = {
  stage: 'Trin',
  count: 'Antal',
  bucket: 'Dage til første tilbud',
  years_after_arrival: 'År efter ankomst',
  eligible: 'Kandidater der tæller med',
  in_ordinary_work: 'I ordinært job',
  share: 'Andel',
  scheme: 'Ordning',
  sector: 'Branche',
  outcome: 'Resultat',
  decision: 'Beslutning',
  municipality_code: 'Kommunekode',
  municipality: 'Kommune',
  candidates: 'Kandidater',
  placements: 'Forløb',
  ordinaryJobs: 'Ordinære job',
  funnel: 'Trin i tragten',
  reached: 'Nået trinnet',
};

const danish = (table: { header: string[]; rows: Array<Array<string | number | null>> }) => ({
  header: table.header.map((key) => HEADINGS_DA[key] ?? key),
  rows: table.rows,
});

export function figureTable(
  figures: Figures,
  id: TableId,
  municipalities: ReadonlyArray<{ code: string; name: string }>,
  mapFigure: MapFigure,
): { header: string[]; rows: Array<Array<string | number | null>> } {
  return danish(keyedTable(figures, id, municipalities, mapFigure));
}

function keyedTable(
  figures: Figures,
  id: TableId,
  municipalities: ReadonlyArray<{ code: string; name: string }>,
  mapFigure: MapFigure,
): { header: string[]; rows: Array<Array<string | number | null>> } {
  const counts = (rows: ReadonlyArray<{ key: string; value: number }>, keyName: string) => ({
    header: [keyName, 'count'],
    rows: rows.map((r) => [r.key, r.value]),
  });
  switch (id) {
    case 'stages':
      return counts(figures.stages, 'stage');
    case 'funnel':
      return { header: ['funnel', 'reached'], rows: figures.funnel.map((r) => [r.key, r.value]) };
    case 'firstOffer':
      return {
        header: ['bucket', 'count'],
        rows: [
          ...figures.firstOffer.buckets.map((b) => [b.key, b.value]),
          ['median_days', figures.firstOffer.median],
          ['within_30_days', figures.firstOffer.withinGoal],
          ['with_offer', figures.firstOffer.total],
        ],
      };
    case 'ordinaryWork':
      return {
        header: ['years_after_arrival', 'eligible', 'in_ordinary_work', 'share'],
        rows: [
          [1, figures.ordinaryWork.after1.eligible, figures.ordinaryWork.after1.inWork, figures.ordinaryWork.after1.share],
          [3, figures.ordinaryWork.after3.eligible, figures.ordinaryWork.after3.inWork, figures.ordinaryWork.after3.share],
        ],
      };
    case 'byScheme':
      return counts(figures.byScheme, 'scheme');
    case 'bySector':
      return counts(figures.bySector, 'sector');
    case 'byOutcome':
      return counts(figures.byOutcome, 'outcome');
    case 'decisions':
      return counts(figures.decisions, 'decision');
    case 'map': {
      const values = figures.map[mapFigure];
      return {
        header: ['municipality_code', 'municipality', mapFigure],
        rows: municipalities.map((m) => [m.code, m.name, values[m.code] ?? 0]),
      };
    }
  }
}
