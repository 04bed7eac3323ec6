// A creative field as a coloured badge, with its name in the current language.
import { Badge, type BadgeProps } from '@mantine/core';
import { useNames } from '../i18n/names';
import { fieldColor } from './colors';

interface FieldBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  slug: string;
  /** The API's English name, shown if the field list has not loaded. */
  name: string;
}

export function FieldBadge({ slug, name, ...props }: FieldBadgeProps) {
  const names = useNames();
  return (
    <Badge variant="light" radius="sm" tt="none" color={fieldColor(slug)} {...props}>
      {names.field(slug, name)}
    </Badge>
  );
}
