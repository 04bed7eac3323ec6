// EN/FR switch; i18next remembers the choice in localStorage and updates <html lang>.
import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, toLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <SegmentedControl
      size="xs"
      radius="md"
      aria-label={t('language.label')}
      value={current}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={LANGUAGES.map((lng) => ({
        value: lng,
        // Sighted users read the short code; screen readers hear the language's own name.
        label: (
          <>
            <span aria-hidden="true">{lng.toUpperCase()}</span>
            <VisuallyHidden lang={lng}>{t(`language.${lng}`)}</VisuallyHidden>
          </>
        ),
      }))}
    />
  );
}
