// How a version is named in the history: its label, or what kind of version it is.
import type { TFunction } from 'i18next';
import type { DocumentVersion } from '../../api/types';

export function versionTitle(version: DocumentVersion, t: TFunction): string {
  if (version.kind === 'named' && version.label) return version.label;
  return version.kind === 'before-restore'
    ? t('documents.history.kind.beforeRestore')
    : t('documents.history.kind.auto');
}
