/** Figures for the consultant's jobcentre or network: charts, a map and CSV exports. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { loadFigures } from '~/figures/figures.server';
import { FiguresView } from '~/figures/figures-view';
import { MAP_HEIGHT, MAP_WIDTH, municipalityPaths } from '~/figures/map.server';
import { figuresQuerySchema } from '~/figures/schemas';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['consultant']);
  const query = figuresQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const scope = query.scope === 'network' ? 'network' : 'jobcentre';
  return {
    figures: await loadFigures(context.services, user, scope, query.period),
    paths: municipalityPaths(),
    mapFigure: query.map,
    // From the loader, not imported into the component: a .server module is empty in the browser, and the map's
    // size read there was undefined, so the hydrated SVG differed from the server's (React errors 418/425).
    mapSize: { width: MAP_WIDTH, height: MAP_HEIGHT },
  };
}

export default function ConsultantFigures() {
  const { t } = useTranslation('consultant');
  const { figures, paths, mapFigure, mapSize } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t('figures.title')}</h1>
      <FiguresView
        figures={figures}
        paths={paths}
        mapFigure={mapFigure}
        mapSize={mapSize}
        csvBase="/consultant/figures.csv"
        scopes={['jobcentre', 'network']}
      />
    </>
  );
}
