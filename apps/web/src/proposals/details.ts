// The details form of a proposal (new or edited): its state, its checks, and what is sent.
import type { Proposal, ProposalDetails } from './types';

/** The server's limits. */
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 5000;
/** SDG 11, "Sustainable cities and communities": the usual anchor of a creative cities' project. */
export const ANCHOR_SDG = 11;

export interface DetailsForm {
  title: string;
  summary: string;
  /** Creative field slugs. */
  fields: string[];
  /** Goal numbers, as the multi-select holds them. */
  sdgs: string[];
  themes: string[];
  /** Empty when there is no budget yet. */
  amount: number | '';
  currency: string;
  /** `YYYY-MM-DD` or empty. */
  startDate: string;
  endDate: string;
}

export type DetailsErrors = Partial<
  Record<'title' | 'fields' | 'amount' | 'endDate', 'required' | 'negative' | 'beforeStart'>
>;

/** A new proposal's form: the lead city's field, SDG 11, euros. */
export function newDetailsForm(leadFieldSlug: string | null): DetailsForm {
  return {
    title: '',
    summary: '',
    fields: leadFieldSlug ? [leadFieldSlug] : [],
    sdgs: [String(ANCHOR_SDG)],
    themes: [],
    amount: '',
    currency: 'EUR',
    startDate: '',
    endDate: '',
  };
}

/** The form of an existing proposal. */
export function formFromProposal(proposal: Proposal): DetailsForm {
  return {
    title: proposal.title,
    summary: proposal.summary,
    fields: proposal.fields.map((field) => field.slug),
    sdgs: proposal.sdgs.map((goal) => String(goal.number)),
    themes: proposal.themes.map((theme) => theme.slug),
    amount: proposal.budget?.amount ?? '',
    currency: proposal.budget?.currency ?? 'EUR',
    startDate: proposal.startDate ?? '',
    endDate: proposal.endDate ?? '',
  };
}

/**
 * What is wrong with the form, by input; empty when it may be sent.
 *
 * @example validateDetails({ ...newDetailsForm('music'), title: ' ' }) // { title: 'required' }
 */
export function validateDetails(form: DetailsForm): DetailsErrors {
  const errors: DetailsErrors = {};
  if (form.title.trim() === '') errors.title = 'required';
  if (form.fields.length === 0) errors.fields = 'required';
  if (form.amount !== '' && form.amount < 0) errors.amount = 'negative';
  // ISO dates compare as strings.
  if (form.startDate && form.endDate && form.endDate < form.startDate)
    errors.endDate = 'beforeStart';
  return errors;
}

/** The request body for the form: trimmed, no budget without an amount, no empty dates. */
export function detailsFromForm(form: DetailsForm): ProposalDetails {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    fields: form.fields,
    sdgs: form.sdgs.map(Number).sort((a, b) => a - b),
    themes: form.themes,
    budget: form.amount === '' ? null : { amount: form.amount, currency: form.currency },
    startDate: form.startDate || null,
    endDate: form.endDate || null,
  };
}

/** Currencies offered first; every ISO 4217 code the browser knows follows. */
const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CNY', 'CAD', 'XOF', 'BRL', 'INR', 'AED'];

/** The currency codes in the order the budget's select offers them. */
export function currencyCodes(): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...new Set([...COMMON_CURRENCIES, ...all])];
}
