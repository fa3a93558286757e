// The site's static files under /assets: Chart.js (from node_modules, never a CDN), the script that
// draws the dashboard's charts, and the one that keeps the assessment's overall score live. Each is
// served under a name carrying a hash of its content ("dashboard-charts-3f9a0c1b2d.js"), so it can be
// cached for a year: a new version is a new name. Pages link with `assetFileName`, the assets
// function answers with `assetByFileName`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { routes, sitePath } from '#shared/http/routes.ts';
import { assessmentScoreScript } from './assessment-score.ts';
import { dashboardChartsScript } from './dashboard-charts.ts';

/** Chart.js's browser build: next to the bundle in Lambda (copied at bundling), else node_modules. */
function chartLibrary(): string {
  const bundled = new URL('./chart.umd.min.js', import.meta.url);
  if (existsSync(bundled)) return readFileSync(bundled, 'utf8');
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(main.replace(/chart\.cjs$/, 'chart.umd.min.js'), 'utf8');
}

const sources = {
  chart: chartLibrary,
  'dashboard-charts': () => dashboardChartsScript,
  'assessment-score': () => assessmentScoreScript,
} as const satisfies Record<string, () => string>;

export type StaticAsset = keyof typeof sources;

interface Loaded {
  readonly fileName: string;
  readonly body: string;
}

const loaded = new Map<StaticAsset, Loaded>();

function load(asset: StaticAsset): Loaded {
  let found = loaded.get(asset);
  if (!found) {
    const body = sources[asset]();
    const hash = createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 10);
    found = { fileName: `${asset}-${hash}.js`, body };
    loaded.set(asset, found);
  }
  return found;
}

/** The asset's name with its content hash (read once per process). */
export function assetFileName(asset: StaticAsset): string {
  return load(asset).fileName;
}

/** The address a page links the asset with (under the site's base path). */
export function assetHref(asset: StaticAsset): string {
  return sitePath(routes.asset.path.replace('{file}', assetFileName(asset)));
}

/** The content served under a hashed name; undefined for any other name (an old hash too). */
export function assetByFileName(fileName: string): string | undefined {
  const asset = /^([a-z-]+)-[0-9a-f]{10}\.js$/.exec(fileName)?.[1];
  if (asset === undefined || !Object.hasOwn(sources, asset)) return undefined;
  const found = load(asset as StaticAsset);
  return found.fileName === fileName ? found.body : undefined;
}

/** Headers of an asset: a year in any cache, never changed under the same name. */
export const assetCacheControl = 'public, max-age=31536000, immutable';
