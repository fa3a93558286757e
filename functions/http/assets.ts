// GET /assets/{file} — the site's scripts under names carrying their content hash: Chart.js
// (shipped inside this function's bundle from node_modules, never a CDN), the dashboard's drawing
// script and the assessment's live score. Public and cached for a year: they hold no data, and a
// new version gets a new name (shared/pages/static-assets.ts).
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { forMethod, jsonResponse } from '#shared/http/responses.ts';
import { assetByFileName, assetCacheControl } from '#shared/pages/static-assets.ts';

// No middleware: nothing here can fail but an unknown name, and static files do not need the
// logger, metrics and error pages every other handler loads at cold start.
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const body = assetByFileName(event.pathParameters?.file ?? '');
  if (body === undefined) return jsonResponse(404, { error: 'notFound', message: 'Not found' });
  return forMethod(event.httpMethod, {
    statusCode: 200,
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': assetCacheControl,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
    body,
  });
}
