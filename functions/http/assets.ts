// GET /assets/{file} — the dashboard's two scripts: Chart.js (shipped inside this function's bundle
// from node_modules, never a CDN) and the small script that draws the charts from the page's JSON
// block. Public and cacheable: they hold no data.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { forMethod, jsonResponse } from '#shared/http/responses.ts';
import { dashboardChartsScript } from '#shared/pages/dashboard-charts.ts';

/** Next to the bundle in Lambda (copied at bundling); from node_modules when run from the sources. */
function chartLibrary(): string {
  const bundled = new URL('./chart.umd.min.js', import.meta.url);
  if (existsSync(bundled)) return readFileSync(bundled, 'utf8');
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(main.replace(/chart\.cjs$/, 'chart.umd.min.js'), 'utf8');
}

export const assetFiles: Record<string, string> = {
  'chart.umd.min.js': chartLibrary(),
  'dashboard-charts.js': dashboardChartsScript,
};

// No middleware: nothing here can fail but an unknown name, and two static files do not need the
// logger, metrics and error pages every other handler loads at cold start.
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const body = assetFiles[event.pathParameters?.file ?? ''];
  if (body === undefined) return jsonResponse(404, { error: 'notFound', message: 'Not found' });
  return forMethod(event.httpMethod, {
    statusCode: 200,
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
    body,
  });
}
