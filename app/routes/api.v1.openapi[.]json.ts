/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the API's Zod schemas. Public. */
import { openApiDocument } from '~/api/openapi';

export async function loader() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
