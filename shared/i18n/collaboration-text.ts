// How an opportunity or a collaboration is named and explained to people (the office's page, the
// firms' e-mails and task pages): its title from the catalogue's names, and why it was found.
import {
  type CollaborationCatalogue,
  catalogueName,
  type Opportunity,
} from '#shared/domain/collaboration.ts';
import { formatEuro, formatNumber } from './format.ts';
import type { Language } from './language.ts';
import { t } from './messages.ts';

/** "Collective purchasing: Steel bars and sections", "Machine shared: 5-axis CNC machining centre"… */
export function opportunityTitle(
  lang: Language,
  opportunity: Opportunity,
  catalogue: CollaborationCatalogue,
): string {
  switch (opportunity.kind) {
    case 'purchasing_group':
      return t(lang, 'collaboration.title.purchasing_group', {
        what: catalogueName(catalogue, opportunity.category, lang),
      });
    case 'resource_sharing':
      return t(lang, `collaboration.title.resource_sharing.${opportunity.resourceKind}`, {
        what: catalogueName(catalogue, opportunity.what, lang),
      });
    case 'brand_group':
      return t(lang, 'collaboration.title.brand_group', {
        what: catalogueName(catalogue, opportunity.brand, lang),
      });
    case 'network':
      return t(lang, 'collaboration.title.network');
  }
}

/**
 * Why the opportunity was found, one line per matched fact: each firm's spend and the pooled one,
 * each pairing's hours, the brand's holders, each network candidate's ties.
 * @param nameOf - a firm's name from its applicationId
 */
export function opportunityWhy(
  lang: Language,
  opportunity: Opportunity,
  nameOf: (applicationId: string) => string,
): string[] {
  switch (opportunity.kind) {
    case 'purchasing_group':
      return [
        ...opportunity.spends.map((spend) =>
          t(lang, 'collaboration.why.spend', {
            company: nameOf(spend.applicationId),
            amount: formatEuro(spend.annualSpendEur, lang),
          }),
        ),
        t(lang, 'collaboration.why.pooled', {
          amount: formatEuro(opportunity.pooledSpendEur, lang),
          rate: formatNumber(opportunity.savingRatePercent, lang),
        }),
      ];
    case 'resource_sharing':
      return opportunity.pairings.map((pairing) =>
        t(lang, 'collaboration.why.pairing', {
          from: nameOf(pairing.from),
          to: nameOf(pairing.to),
          hours: formatNumber(pairing.hoursPerMonth, lang),
        }),
      );
    case 'brand_group':
      return [
        t(lang, 'collaboration.why.brand', {
          count: opportunity.members.length,
          amount: formatEuro(opportunity.annualCostEur, lang),
        }),
      ];
    case 'network':
      return opportunity.ranking.map((entry) =>
        t(lang, 'collaboration.why.network', { company: nameOf(entry.applicationId), ties: entry.ties }),
      );
  }
}

/** "Estimated benefit: €9,000.00 a year". */
export function estimatedBenefitText(lang: Language, opportunity: Opportunity): string {
  return t(lang, 'collaboration.estimatedBenefit', {
    amount: formatEuro(opportunity.estimatedBenefitEur, lang),
  });
}
