/** The figures page body, shared by the consultant's and the admin's routes. */
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { BarChart, MunicipalityMap, type ChartRow } from './charts';
import type { Figures, MapFigure } from './figures.server';
import type { MunicipalityPath } from './map.server';

const percent = (share: number | null) => (share === null ? '–' : String(Math.round(share * 1000) / 10));

export function FiguresView({
  figures,
  paths,
  mapFigure,
  mapSize,
  csvBase,
  scopes,
}: {
  figures: Figures;
  paths: MunicipalityPath[];
  mapFigure: MapFigure;
  mapSize: { width: number; height: number };
  csvBase: string;
  scopes: ReadonlyArray<'jobcentre' | 'network' | 'national'>;
}) {
  const { t } = useTranslation('consultant');
  const { t: tw } = useTranslation('workbench');
  const csv = (table: string) => `${csvBase}?table=${table}&scope=${figures.scope}&map=${mapFigure}&period=${figures.period}`;
  const label =
    (prefix: string) =>
    (r: { key: string; value: number }): ChartRow => ({ key: r.key, label: t(`${prefix}.${r.key}`, { defaultValue: r.key }), value: r.value });
  const scopeName = t(`figures.scope${figures.scope[0]!.toUpperCase()}${figures.scope.slice(1)}`);
  const shareRows: ChartRow[] = [
    {
      key: 'after1',
      label: t('figures.after1'),
      value: Math.round((figures.ordinaryWork.after1.share ?? 0) * 100),
      display: t('figures.percentOf', { percent: percent(figures.ordinaryWork.after1.share), count: figures.ordinaryWork.after1.eligible }),
    },
    {
      key: 'after3',
      label: t('figures.after3'),
      value: Math.round((figures.ordinaryWork.after3.share ?? 0) * 100),
      display: t('figures.percentOf', { percent: percent(figures.ordinaryWork.after3.share), count: figures.ordinaryWork.after3.eligible }),
    },
  ];
  return (
    <>
      <p>{t('figures.scope', { scope: scopeName })}</p>
      <Form method="get" className="queue-filters">
        {scopes.length > 1 ? (
          <label>
            {t('figures.chooseScope')}
            <select name="scope" defaultValue={figures.scope}>
              {scopes.map((s) => (
                <option key={s} value={s}>
                  {t(`figures.scope${s[0]!.toUpperCase()}${s.slice(1)}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {tw('figures.period')}
          <select name="period" defaultValue={figures.period}>
            <option value="all">{tw('figures.periodAll')}</option>
            <option value="12m">{tw('figures.period12')}</option>
            <option value="3m">{tw('figures.period3')}</option>
          </select>
        </label>
        <label>
          {t('figures.mapFigure')}
          <select name="map" defaultValue={mapFigure}>
            <option value="candidates">{t('figures.mapCandidates')}</option>
            <option value="placements">{t('figures.mapPlacements')}</option>
            <option value="ordinaryJobs">{t('figures.mapOrdinaryJobs')}</option>
          </select>
        </label>
        <button type="submit" className="button button--quiet">
          {t('figures.show')}
        </button>
      </Form>
      <p>
        {t('figures.employersActive')}: <strong>{figures.employersActive}</strong>
      </p>
      <BarChart
        title={tw('figures.funnel')}
        description={tw('figures.funnelDesc')}
        legend={tw('figures.legendReached')}
        rows={figures.funnel.map((r) => ({ key: r.key, label: tw(`figures.funnelStep.${r.key}`), value: r.value }))}
        csvHref={csv('funnel')}
      />
      <BarChart
        legend={tw('figures.legendCandidates')}
        title={t('figures.stages')}
        description={t('figures.stagesDesc')}
        rows={figures.stages.map(label('figures.stage'))}
        csvHref={csv('stages')}
      />
      <BarChart
        title={t('figures.firstOffer')}
        description={t('figures.firstOfferDesc', {
          median: figures.firstOffer.median ?? '–',
          within: figures.firstOffer.withinGoal,
          total: figures.firstOffer.total,
          waiting: figures.firstOffer.waitingOverGoal,
        })}
        rows={figures.firstOffer.buckets.map(label('figures.firstOfferBucket'))}
        csvHref={csv('firstOffer')}
      />
      <BarChart title={t('figures.ordinaryWork')} description={t('figures.ordinaryWorkDesc')} rows={shareRows} csvHref={csv('ordinaryWork')} />
      <BarChart
        legend={tw('figures.legendPlacements')}
        title={t('figures.byScheme')}
        description={t('figures.byScheme')}
        rows={figures.byScheme.map(label('scheme'))}
        csvHref={csv('byScheme')}
      />
      <BarChart
        title={t('figures.bySector')}
        description={t('figures.bySector')}
        rows={figures.bySector.map((r) => ({ key: r.key, label: r.key === 'unknown' ? t('figures.unknownSector') : r.key, value: r.value }))}
        csvHref={csv('bySector')}
      />
      <BarChart
        title={t('figures.byOutcome')}
        description={t('figures.byOutcome')}
        rows={figures.byOutcome.map((r) => ({
          key: r.key,
          label: r.key === 'none' ? t('figures.noOutcome') : t(`outcome.${r.key}`),
          value: r.value,
        }))}
        csvHref={csv('byOutcome')}
      />
      <BarChart
        title={t('figures.decisions')}
        description={t('figures.decisions')}
        rows={figures.decisions.map((r) => ({
          key: r.key,
          label: r.key === 'approved' ? t('figures.approved') : t(`rejectReason.${r.key}`),
          value: r.value,
        }))}
        csvHref={csv('decisions')}
      />
      <MunicipalityMap
        title={`${t('figures.map')}: ${t(`figures.map${mapFigure[0]!.toUpperCase()}${mapFigure.slice(1)}`)}`}
        description={t('figures.mapDesc')}
        paths={paths}
        values={figures.map[mapFigure]}
        width={mapSize.width}
        height={mapSize.height}
        csvHref={csv('map')}
      />
    </>
  );
}
