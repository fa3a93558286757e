// What each journey outcome's colour says on the dashboard: greens launched or served, ambers stopped on the
// way (no manager, no project), reds refused or excluded, greys those who left or were closed by
// the office. The stylesheet's swatches and the doughnut both read this table.
import type { JourneyOutcome } from '#shared/domain/application.ts';

export const outcomeColours: Readonly<Record<JourneyOutcome, string>> = {
  launched: '#1e7b34',
  services_completed: '#2f855a',
  services_not_delivered: '#8a6d3b',
  assessed_no_project: '#b7791f',
  no_manager: '#dd9a2b',
  financing_rejected: '#b3261e',
  ineligible: '#e0685f',
  withdrawn: '#6b7280',
  closed_by_office: '#374151',
};

/** One CSS rule per outcome: `.outcome-launched{background:#1e7b34}`. */
export const outcomeSwatchCss = Object.entries(outcomeColours)
  .map(([outcome, colour]) => `.outcome-${outcome}{background:${colour}}`)
  .join('');
