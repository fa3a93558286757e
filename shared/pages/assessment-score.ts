// The assessment page's one script: the overall DMA score and band shown live while the manager
// types, and each section's progress. It runs the server's own functions (serialised from their
// source, so the rules stay in one place): the number reading of every form (decimal comma
// included), the mean and the band. Without JavaScript the page shows the same figures computed by
// the server whenever the form is saved as a draft or sent back with an error.
import { dmaBand, meanToOneDecimal } from '#shared/domain/dma-score.ts';
import { parseLocaleNumber } from '#shared/i18n/parse-number.ts';

export const assessmentScoreScript = `(() => {
  const parseLocaleNumber = ${parseLocaleNumber.toString()};
  const meanToOneDecimal = ${meanToOneDecimal.toString()};
  const dmaBand = ${dmaBand.toString()};
  const form = document.querySelector('form[data-assessment]');
  const output = document.getElementById('dma-overall');
  if (!form || !output) return;
  const config = JSON.parse(output.getAttribute('data-config') || '{}');
  const format = new Intl.NumberFormat(config.locale, { maximumFractionDigits: 1 });
  const valueOf = (name) => {
    const control = form.elements.namedItem(name);
    return control && typeof control.value === 'string' ? control.value.trim() : '';
  };
  const updateScore = () => {
    const scores = config.fields.map((name) => parseLocaleNumber(valueOf(name), config.lang));
    const valid = scores.every((score) => typeof score === 'number' && score >= 0 && score <= 100);
    if (!valid) {
      output.textContent = config.pending;
      return;
    }
    const overall = meanToOneDecimal(scores);
    output.textContent = config.template
      .replace('%overall%', format.format(overall))
      .replace('%band%', config.bandNames[dmaBand(overall, config.bands)]);
  };
  const progress = document.getElementById('assessment-progress');
  const updateProgress = () => {
    if (!progress) return;
    const labels = JSON.parse(progress.getAttribute('data-labels') || '{}');
    let done = 0;
    const items = progress.querySelectorAll('li[data-fields]');
    for (const item of items) {
      const fields = item.getAttribute('data-fields').split(' ');
      const when = item.getAttribute('data-when-yes');
      const more = when && valueOf(when) === 'true' ? item.getAttribute('data-yes-fields').split(' ') : [];
      const complete = fields.concat(more).every((name) => valueOf(name) !== '');
      if (complete) done += 1;
      item.setAttribute('data-state', complete ? 'done' : 'todo');
      const state = item.querySelector('.state');
      if (state) state.textContent = complete ? labels.done : labels.todo;
    }
    const count = progress.querySelector('[data-progress-count]');
    if (count) count.textContent = labels.count.replace('%done%', String(done)).replace('%total%', String(items.length));
  };
  form.addEventListener('input', () => { updateScore(); updateProgress(); });
  form.addEventListener('change', () => { updateScore(); updateProgress(); });
  updateScore();
  updateProgress();
  window.assessmentScoreReady = true;
})();
`;
