// The dashboard's charts: Chart.js (bundled locally from node_modules, never a CDN) draws the funnel
// and the outcomes from the JSON data block of the page. Without JavaScript the chart boxes stay
// hidden and the page shows its native <progress>/<meter> bars and tables, which carry the same
// figures; with it, the drawn funnel takes the place of the bars.

/** The browser script that draws the charts; served as a file so the CSP needs no inline script. */
export const dashboardChartsScript = `(() => {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent || '{}');
  const Chart = window.Chart;
  if (!Chart) return;
  // A chart's box is hidden until it is drawn (no empty box without JavaScript).
  const show = (id) => document.getElementById(id)?.removeAttribute('hidden');
  const funnel = document.getElementById('funnel-chart');
  if (funnel) {
    show('funnel-chart-box');
    // The drawn funnel replaces the native bars, which carry the same figures: shown once.
    document.getElementById('funnel-bars')?.setAttribute('hidden', '');
    new Chart(funnel, {
      type: 'bar',
      data: { labels: data.funnel.labels, datasets: [{ label: data.funnel.title, data: data.funnel.values, backgroundColor: '#0b5cad' }] },
      options: { indexAxis: 'y', animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  const outcomes = document.getElementById('outcomes-chart');
  if (outcomes && data.outcomes.values.length > 0) {
    show('outcomes-chart-box');
    new Chart(outcomes, {
      type: 'doughnut',
      data: { labels: data.outcomes.labels, datasets: [{ data: data.outcomes.values, backgroundColor: data.outcomes.colours }] },
      // The table beside it is the legend (same colours, with the counts).
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }
  window.dashboardChartsReady = true;
})();
`;

/** JSON for a data block inside <script type="application/json">: nothing can close the tag. */
export function jsonDataBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
