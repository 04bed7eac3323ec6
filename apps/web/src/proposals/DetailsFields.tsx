// The inputs of a proposal's details, shared by "New proposal" and "Edit details".
import {
  Grid,
  MultiSelect,
  NumberInput,
  Pill,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFields } from '../api/queries';
import { localizedName, useNames } from '../i18n/names';
import { currencyCodes, type DetailsErrors, SUMMARY_MAX, TITLE_MAX } from './details';
import { MilestonesField } from './MilestonesField';
import type { ProposalForm, ProposalFormErrors } from './proposal-form';
import { useSdgs, useThemes } from './queries';
import { targetGroups } from './sdg-targets';

interface DetailsFieldsProps {
  form: ProposalForm;
  onChange: (change: Partial<ProposalForm>) => void;
  /** Shown once the user has tried to send the form. */
  errors: ProposalFormErrors;
  disabled?: boolean;
}

function useCurrencyOptions(lang: string) {
  return useMemo(() => {
    const names =
      typeof Intl.DisplayNames === 'function'
        ? new Intl.DisplayNames([lang], { type: 'currency' })
        : null;
    return currencyCodes().map((code) => ({
      value: code,
      label: `${code} · ${names?.of(code) ?? code}`,
    }));
  }, [lang]);
}

export function DetailsFields({ form, onChange, errors, disabled }: DetailsFieldsProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fields = useFields().data ?? [];
  const sdgs = useSdgs();
  const themes = useThemes();
  const currencies = useCurrencyOptions(names.lang);
  const targets = useMemo(
    () => targetGroups(sdgs.data ?? [], form.sdgs, (goal) => localizedName(goal, names.lang)),
    [sdgs.data, form.sdgs, names.lang],
  );
  const message = (key: keyof DetailsErrors) =>
    errors[key] ? t(`proposals.form.errors.${key}`) : null;

  return (
    <Stack gap="md">
      <TextInput
        label={t('proposals.form.title')}
        description={t('proposals.form.titleHint')}
        placeholder={t('proposals.form.titlePlaceholder')}
        required
        data-autofocus
        maxLength={TITLE_MAX}
        value={form.title}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={message('title')}
        disabled={disabled}
      />
      <Textarea
        label={t('proposals.form.summary')}
        description={t('proposals.form.summaryHint')}
        autosize
        minRows={3}
        maxRows={8}
        maxLength={SUMMARY_MAX}
        value={form.summary}
        onChange={(event) => onChange({ summary: event.currentTarget.value })}
        disabled={disabled}
      />
      <MultiSelect
        label={t('proposals.form.fields')}
        description={t('proposals.form.fieldsHint')}
        required
        data={fields.map((f) => ({ value: f.slug, label: names.field(f.slug, f.name) }))}
        value={form.fields}
        onChange={(value) => onChange({ fields: value })}
        error={message('fields')}
        disabled={disabled}
      />
      <MultiSelect
        label={t('proposals.form.sdgs')}
        description={t('proposals.form.sdgsHint')}
        placeholder={sdgs.isPending ? t('app.loading') : t('proposals.form.sdgsPlaceholder')}
        data={(sdgs.data ?? []).map((goal) => ({
          value: String(goal.number),
          label: `${goal.number} · ${localizedName(goal, names.lang)}`,
        }))}
        value={form.sdgs}
        onChange={(value) => onChange({ sdgs: value })}
        searchable
        maxDropdownHeight={280}
        disabled={disabled}
      />
      <MultiSelect
        label={t('proposals.plan.targets')}
        description={t('proposals.plan.targetsHint')}
        placeholder={
          form.sdgs.length === 0
            ? t('proposals.plan.targetsNoGoal')
            : t('proposals.plan.targetsPlaceholder')
        }
        data={targets}
        value={form.sdgTargets}
        onChange={(value) => onChange({ sdgTargets: value })}
        // The code and the start of the text; the whole text on hover.
        renderPill={({ option, value, onRemove }) => (
          <Pill
            withRemoveButton={!disabled}
            onRemove={onRemove}
            disabled={disabled}
            maw={280}
            title={option?.label ?? value}
          >
            {option?.label ?? value}
          </Pill>
        )}
        searchable
        nothingFoundMessage={t('proposals.plan.targetsNone')}
        maxDropdownHeight={320}
        comboboxProps={{ width: 'target' }}
        disabled={disabled || form.sdgs.length === 0}
      />
      <MultiSelect
        label={t('proposals.form.themes')}
        description={t('proposals.form.themesHint')}
        placeholder={themes.isPending ? t('app.loading') : t('proposals.form.themesPlaceholder')}
        data={(themes.data ?? []).map((theme) => ({
          value: theme.slug,
          label: localizedName(theme, names.lang),
        }))}
        value={form.themes}
        onChange={(value) => onChange({ themes: value })}
        disabled={disabled}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <NumberInput
            label={t('proposals.form.budget')}
            description={t('proposals.form.budgetHint')}
            min={0}
            max={999_999_999_999}
            thousandSeparator={names.lang === 'fr' ? ' ' : ','}
            decimalSeparator={names.lang === 'fr' ? ',' : '.'}
            decimalScale={2}
            allowNegative={false}
            value={form.amount}
            onChange={(value) => onChange({ amount: typeof value === 'number' ? value : '' })}
            error={message('amount')}
            disabled={disabled}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Select
            label={t('proposals.form.currency')}
            description={t('proposals.form.currencyHint')}
            data={currencies}
            value={form.currency}
            onChange={(value) => onChange({ currency: value ?? 'EUR' })}
            searchable
            allowDeselect={false}
            disabled={disabled}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            type="date"
            label={t('proposals.form.startDate')}
            value={form.startDate}
            onChange={(event) => onChange({ startDate: event.currentTarget.value })}
            disabled={disabled}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            type="date"
            label={t('proposals.form.endDate')}
            value={form.endDate}
            min={form.startDate || undefined}
            onChange={(event) => onChange({ endDate: event.currentTarget.value })}
            error={message('endDate')}
            disabled={disabled}
          />
        </Grid.Col>
      </Grid>
      <MilestonesField
        rows={form.milestones}
        onChange={(milestones) => onChange({ milestones })}
        errors={errors.milestones}
        disabled={disabled}
      />
    </Stack>
  );
}
