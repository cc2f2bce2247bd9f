/** National figures for administrators: charts, a map of Denmark and CSV exports. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { loadFigures } from '~/figures/figures.server';
import { FiguresView } from '~/figures/figures-view';
import { MAP_HEIGHT, MAP_WIDTH, municipalityPaths } from '~/figures/map.server';
import { figuresQuerySchema } from '~/figures/schemas';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['admin']);
  const query = figuresQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    figures: await loadFigures(context.services, user, 'national', query.period),
    paths: municipalityPaths(),
    mapFigure: query.map,
    mapSize: { width: MAP_WIDTH, height: MAP_HEIGHT },
  };
}

export default function AdminFigures() {
  const { t } = useTranslation('consultant');
  const { figures, paths, mapFigure, mapSize } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('figures.titleNational')}</h1>
      <FiguresView figures={figures} paths={paths} mapFigure={mapFigure} mapSize={mapSize} csvBase="/admin/figures.csv" scopes={['national']} />
    </>
  );
}
