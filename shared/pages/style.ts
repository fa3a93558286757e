// The site's one stylesheet, inlined in every page (no external requests; CSP allows it by hash).
import { styleHash } from '#shared/http/security.ts';
import { outcomeSwatchCss } from './outcome-colours.ts';

export const siteCss = `
:root{--ink:#1d2433;--muted:#5b6475;--line:#d5dae3;--brand:#0b5cad;--brand-ink:#fff;--bad:#b3261e;--ok:#1e7b34;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header.site{background:var(--brand);color:var(--brand-ink);padding:.75rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
header.site a{color:var(--brand-ink)}
header.site .brand{font-weight:700;text-decoration:none;font-size:1.1rem}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
fieldset{border:1px solid var(--line);border-radius:.5rem;background:#fff;margin:0 0 1.25rem;padding:1rem 1.25rem}
legend{font-weight:700;padding:0 .35rem}
.field{margin:.75rem 0}
.field label,.field .label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{display:block;color:var(--muted);font-size:.9rem;margin-bottom:.25rem}
input[type=text],input[type=email],input[type=tel],input[type=url],input[type=number],select{width:100%;max-width:30rem;padding:.5rem .6rem;border:1px solid #8a93a3;border-radius:.35rem;font:inherit;background:#fff}
input:focus,select:focus,button:focus,a:focus{outline:3px solid #ffbf47;outline-offset:1px}
.choices{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.35rem .75rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.choice input{margin-top:.3rem}
.field-error{color:var(--bad);font-weight:600;display:block;margin:.2rem 0}
.invalid input,.invalid select{border-color:var(--bad);border-width:2px}
.error-summary{border:3px solid var(--bad);background:#fff;padding:1rem 1.25rem;margin-bottom:1.5rem;border-radius:.5rem}
.error-summary h2{margin-top:0;font-size:1.2rem}
.error-summary a{color:var(--bad)}
.notice{border-left:5px solid var(--brand);background:#fff;padding:1rem 1.25rem;margin:1rem 0;border-radius:.25rem}
.notice.ok{border-color:var(--ok)}
.notice.bad{border-color:var(--bad)}
button{background:var(--brand);color:var(--brand-ink);border:0;border-radius:.35rem;padding:.7rem 1.4rem;font:inherit;font-weight:700;cursor:pointer}
button.danger{background:var(--bad);color:#fff}
a.button{display:inline-block;border-radius:.35rem;padding:.6rem 1.2rem;font-weight:700;text-decoration:none;border:2px solid var(--brand);color:var(--brand)}
dl.facts{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:.35rem 1rem;background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem 1.25rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0;word-break:break-all}
ol.timeline{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem 1rem 1rem 2.5rem}
code{background:#eef1f5;padding:.1rem .3rem;border-radius:.2rem}
footer.site{color:var(--muted);font-size:.85rem;text-align:center;padding:1rem}
textarea{width:100%;max-width:40rem;min-height:6rem;padding:.5rem .6rem;border:1px solid #8a93a3;border-radius:.35rem;font:inherit;background:#fff}
textarea:focus{outline:3px solid #ffbf47;outline-offset:1px}
.invalid textarea{border-color:var(--bad);border-width:2px}
fieldset fieldset{margin:.75rem 0;padding:.5rem 1rem}
.row{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:0 .75rem}
dl.facts dd.prose{word-break:normal;white-space:pre-line}
dl.facts ol{margin:0;padding-left:1.25rem}
table.data{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1.25rem}
table.data caption{text-align:left;font-weight:700;padding:.35rem 0}
table.data th,table.data td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left}
.funnel{list-style:none;padding:0;margin:0}
.funnel li{display:grid;grid-template-columns:14rem 1fr 4rem;gap:.6rem;align-items:center;margin:.25rem 0}
.funnel progress,.dashboard meter{width:100%;height:1.1rem}
.funnel .n{text-align:right;font-variant-numeric:tabular-nums}
.chart{max-width:48rem;height:18rem;position:relative;margin:.5rem 0 1rem}
.chart.small{max-width:16rem;height:16rem;flex:0 0 16rem}
.outcomes{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.outcomes table.data{flex:1 1 16rem;width:auto}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;margin-right:.5rem;vertical-align:-.1rem;border:1px solid #0003}
${outcomeSwatchCss}
[hidden]{display:none!important}
nav.progress{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1.25rem;margin:0 0 1.25rem}
nav.progress h2{font-size:1.05rem;margin:.5rem 0}
nav.progress ol{margin:.25rem 0 .5rem;padding-left:1.5rem}
nav.progress li[data-state=done] .state{color:var(--ok);font-weight:600}
nav.progress li[data-state=todo] .state{color:var(--muted)}
p.overall output{display:block;font-weight:700;font-size:1.1rem;padding:.5rem .75rem;background:#eef4fb;border-radius:.35rem}
ol.ranking{padding-left:0;list-style:none;margin:0}
ol.ranking .field{margin:.4rem 0}
.kpi-grid{display:grid;grid-template-columns:minmax(0,2fr) repeat(3,minmax(0,1fr));gap:0 .75rem;align-items:end}
.kpi-grid .field{display:flex;flex-direction:column;justify-content:flex-end;margin:.4rem 0}
.kpi-grid label{font-size:.9rem}
button.secondary{background:#fff;color:var(--brand);border:2px solid var(--brand)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.table-scroll{overflow-x:auto;max-width:100%}
@media (max-width:40rem){table.data th,table.data td{overflow-wrap:anywhere;padding:.3rem .35rem}dl.facts{grid-template-columns:minmax(0,1fr);gap:0 1rem}dl.facts dd{margin-bottom:.5rem}.kpi-grid{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.funnel li{grid-template-columns:1fr 3rem}.funnel li progress{grid-column:1/-1;grid-row:2}main{padding:1rem .75rem 2rem}}
`.trim();

export const siteCssHash = styleHash(siteCss);
