// The dashboard's charts: Chart.js (bundled locally from node_modules, never a CDN) draws the funnel
// and the outcomes from the JSON data block of the page. Without JavaScript the page keeps its
// native <progress>/<meter> bars and tables, which carry the same figures.

/** The browser script that draws the charts; served as a file so the CSP needs no inline script. */
export const dashboardChartsScript = `(() => {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent || '{}');
  const Chart = window.Chart;
  if (!Chart) return;
  const funnel = document.getElementById('funnel-chart');
  if (funnel) {
    new Chart(funnel, {
      type: 'bar',
      data: { labels: data.funnel.labels, datasets: [{ label: data.funnel.title, data: data.funnel.values, backgroundColor: '#0b5cad' }] },
      options: { indexAxis: 'y', animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  const outcomes = document.getElementById('outcomes-chart');
  if (outcomes && data.outcomes.values.length > 0) {
    new Chart(outcomes, {
      type: 'doughnut',
      data: { labels: data.outcomes.labels, datasets: [{ data: data.outcomes.values }] },
      options: { animation: false },
    });
  }
  window.dashboardChartsReady = true;
})();
`;

/** JSON for a data block inside <script type="application/json">: nothing can close the tag. */
export function jsonDataBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
