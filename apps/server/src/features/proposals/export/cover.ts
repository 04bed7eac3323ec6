// The cover every export opens with: the proposal's title, summary and labelled facts (status,
// cities, fields, SDGs, themes, budget, dates, export date), in English.
import type { ProposalStatus } from '@uccn/db';
import type { CityRef, ProposalView } from '../types';
import type { Cover, CoverFact } from './types';

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  under_review: 'Under review',
  supported: 'Supported',
  not_supported: 'Not supported',
  returned: 'Returned for changes',
  in_progress: 'In progress',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-01-15` (or a Date) as "15 January 2026". */
export function formatDay(date: string | Date): string {
  return DAY.format(typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date);
}

function formatBudget({ amount, currency }: { amount: number; currency: string }) {
  // The ISO code rather than a symbol: every code prints in the PDF's fonts, not every symbol.
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
  })
    .format(amount)
    .replace(/\u00a0/g, ' ');
}

const cityName = (city: CityRef) => `${city.name} (${city.country.name})`;

function dates(view: ProposalView): string | null {
  if (view.startDate && view.endDate) {
    return `${formatDay(view.startDate)} – ${formatDay(view.endDate)}`;
  }
  if (view.startDate) return `From ${formatDay(view.startDate)}`;
  if (view.endDate) return `Until ${formatDay(view.endDate)}`;
  return null;
}

/**
 * The cover of a proposal as the requesting user sees it. Partner cities are the accepted ones,
 * then the invited ones marked as such; declined and departed cities are left out.
 * @example proposalCover(view, new Date()).facts[0] // { label: 'Status', value: 'Draft' }
 */
export function proposalCover(view: ProposalView, exportedAt: Date): Cover {
  const partners = [
    ...view.partners.filter((p) => p.status === 'accepted').map((p) => cityName(p.city)),
    ...view.partners
      .filter((p) => p.status === 'invited')
      .map((p) => `${cityName(p.city)}, invited`),
  ];
  const period = dates(view);
  const facts: (CoverFact | null)[] = [
    { label: 'Status', value: STATUS_LABELS[view.status] },
    { label: 'Lead city', value: cityName(view.leadCity) },
    { label: 'Partner cities', value: partners.length ? partners.join('; ') : 'None' },
    view.fields.length
      ? { label: 'Creative fields', value: view.fields.map((f) => f.name).join(', ') }
      : null,
    view.sdgs.length
      ? { label: 'SDGs', value: view.sdgs.map((g) => `${g.number}. ${g.name}`).join('; ') }
      : null,
    view.sdgTargets.length
      ? { label: 'SDG targets', value: view.sdgTargets.map((t) => t.code).join(', ') }
      : null,
    view.themes.length
      ? { label: 'Themes', value: view.themes.map((t) => t.name).join(', ') }
      : null,
    view.budget ? { label: 'Budget', value: formatBudget(view.budget) } : null,
    period ? { label: 'Dates', value: period } : null,
    view.milestones.length
      ? {
          label: 'Milestones',
          value: view.milestones.map((m) => `${m.label} (${formatDay(m.date)})`).join('; '),
        }
      : null,
    { label: 'Exported', value: formatDay(exportedAt) },
  ];
  return {
    title: view.title,
    summary: view.summary,
    facts: facts.filter((fact): fact is CoverFact => fact !== null),
  };
}
