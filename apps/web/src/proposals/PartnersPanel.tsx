// The lead and partner cities on a small map and in a list, with what this user may do about them:
// invite a city, accept or decline the invitation, leave, hand over the lead.
import { Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCrown } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCities } from '../api/queries';
import type { Me } from '../api/types';
import { QueryError } from '../app/QueryError';
import { EMPTY_FILTERS } from '../cities/filters';
import { useNames } from '../i18n/names';
import { CityMap } from '../map';
import { ActionModal, type ActionRequest } from './ActionModal';
import { answerPartner, handOverLead, invitePartner, type PartnerAnswer } from './endpoints';
import type { Partner, Proposal, ProposalCity } from './types';
import { groupPartners, invitableCities, mapCities } from './workflow';

interface PartnersPanelProps {
  proposal: Proposal;
  me: Me;
  /** After a change: the proposal as the server returned it, or null when it is out of sight. */
  onChanged: (proposal: Proposal | null) => void;
}

type Pending =
  | { kind: 'answer'; answer: PartnerAnswer }
  | { kind: 'handOver'; city: ProposalCity }
  | null;

function CityRow(props: {
  city: ProposalCity;
  badge: ReactNode;
  dimmed?: boolean;
  children?: ReactNode;
}) {
  const names = useNames();
  const { city, badge, dimmed, children } = props;
  return (
    <Stack
      role="listitem"
      gap={6}
      py={8}
      data-testid="partner-row"
      data-city={city.slug}
      opacity={dimmed ? 0.6 : 1}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} fz="sm" truncate>
            {city.name}
          </Text>
          <Text fz="xs" c="dimmed" truncate>
            {names.country(city.country.iso2, city.country.name)} ·{' '}
            {names.field(city.field.slug, city.field.name)}
          </Text>
        </div>
        {badge}
      </Group>
      {children}
    </Stack>
  );
}

export function PartnersPanel({ proposal, me, onChanged }: PartnersPanelProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { actions } = proposal;
  const ownSlug = me.city?.slug ?? null;
  const groups = groupPartners(proposal.partners);
  const [pending, setPending] = useState<Pending>(null);
  const [invitee, setInvitee] = useState<string | null>(null);
  const [successor, setSuccessor] = useState<string | null>(null);
  const cities = useCities(EMPTY_FILTERS);
  const inviteOptions = useMemo(
    () =>
      invitableCities(cities.data ?? [], proposal).map((city) => ({
        value: city.slug,
        label: `${city.name} (${city.country})`,
      })),
    [cities.data, proposal],
  );
  const cityName = (slug: string) =>
    proposal.partners.find((p) => p.city.slug === slug)?.city.name ??
    cities.data?.find((c) => c.slug === slug)?.name ??
    slug;

  const invite = useMutation({
    mutationFn: (city: string) => invitePartner(proposal.id, city),
    onSuccess: (updated, city) => {
      setInvitee(null);
      onChanged(updated);
      notifications.show({
        color: 'teal',
        message: t('proposals.partners.invited', { city: cityName(city) }),
      });
    },
  });
  const change = useMutation({
    mutationFn: (request: NonNullable<Pending>) =>
      request.kind === 'handOver'
        ? handOverLead(proposal.id, request.city.slug)
        : answerPartner(proposal.id, ownSlug ?? '', request.answer),
    onSuccess: (updated, request) => {
      setPending(null);
      setSuccessor(null);
      onChanged(updated);
      const message =
        request.kind === 'handOver'
          ? t('proposals.partners.handedOver', { city: request.city.name })
          : t(`proposals.partners.answered.${request.answer}`);
      notifications.show({ color: 'teal', message });
    },
  });

  const request: ActionRequest | null =
    pending === null
      ? null
      : pending.kind === 'handOver'
        ? {
            title: t('proposals.partners.handOverTitle'),
            description: t('proposals.partners.handOverConfirm', { city: pending.city.name }),
            confirmLabel: t('proposals.partners.handOver'),
            color: 'unesco',
          }
        : {
            title: t(`proposals.partners.confirm.${pending.answer}.title`),
            description: t(`proposals.partners.confirm.${pending.answer}.description`, {
              city: me.city?.name ?? '',
            }),
            confirmLabel: t(`proposals.partners.confirm.${pending.answer}.action`),
            color: pending.answer === 'accept' ? 'unesco' : 'red',
          };

  const ownRow = (partner: Partner) => partner.city.slug === ownSlug;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="proposal-partners">
      <Stack gap="sm">
        <Title order={2} fz="md" id="proposal-partners">
          {t('proposals.partners.title')}
        </Title>
        <CityMap
          cities={mapCities(proposal)}
          onOpen={(city) => void navigate(`/cities/${encodeURIComponent(city.slug)}`)}
        />
        <Stack gap={0} role="list" aria-label={t('proposals.partners.title')}>
          <CityRow
            city={proposal.leadCity}
            badge={
              <Badge
                color="yellow"
                variant="light"
                tt="none"
                leftSection={<IconCrown size={12} aria-hidden />}
              >
                {t('proposals.partners.lead')}
              </Badge>
            }
          />
          {[...groups.accepted, ...groups.invited, ...groups.former].map((partner) => (
            <CityRow
              key={partner.city.slug}
              city={partner.city}
              dimmed={partner.status === 'declined' || partner.status === 'left'}
              badge={
                <Badge
                  variant={partner.status === 'accepted' ? 'light' : 'outline'}
                  color={partner.status === 'accepted' ? 'teal' : 'gray'}
                  tt="none"
                >
                  {t(`proposals.partners.status.${partner.status}`)}
                </Badge>
              }
            >
              {ownRow(partner) && partner.status === 'invited' && actions.answer && (
                <Stack gap={6}>
                  <Text fz="xs">
                    {t('proposals.partners.invitation', {
                      lead: proposal.leadCity.name,
                      city: partner.city.name,
                    })}
                  </Text>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      onClick={() => setPending({ kind: 'answer', answer: 'accept' })}
                    >
                      {t('proposals.partners.accept')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setPending({ kind: 'answer', answer: 'decline' })}
                    >
                      {t('proposals.partners.decline')}
                    </Button>
                  </Group>
                </Stack>
              )}
              {ownRow(partner) && partner.status === 'accepted' && actions.leave && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  w="fit-content"
                  onClick={() => setPending({ kind: 'answer', answer: 'leave' })}
                >
                  {t('proposals.partners.leave')}
                </Button>
              )}
            </CityRow>
          ))}
        </Stack>
        {proposal.partners.length === 0 && (
          <Text fz="sm" c="dimmed">
            {actions.invite ? t('proposals.partners.noneYetLead') : t('proposals.partners.noneYet')}
          </Text>
        )}

        {actions.invite && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label={t('proposals.partners.inviteLabel')}
              placeholder={
                cities.isPending ? t('cities.loading') : t('proposals.partners.invitePlaceholder')
              }
              data={inviteOptions}
              value={invitee}
              onChange={setInvitee}
              searchable
              limit={30}
              nothingFoundMessage={t('cities.noResults')}
              style={{ flex: 1 }}
            />
            <Button
              onClick={() => invitee && invite.mutate(invitee)}
              disabled={!invitee}
              loading={invite.isPending}
            >
              {t('proposals.partners.invite')}
            </Button>
          </Group>
        )}
        {invite.isError && <QueryError error={invite.error} />}

        {actions.handOver && groups.accepted.length > 0 && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label={t('proposals.partners.handOverLabel')}
              placeholder={t('proposals.partners.handOverPlaceholder')}
              data={groups.accepted.map((p) => ({ value: p.city.slug, label: p.city.name }))}
              value={successor}
              onChange={setSuccessor}
              style={{ flex: 1 }}
            />
            <Button
              variant="default"
              disabled={!successor}
              onClick={() => {
                const city = groups.accepted.find((p) => p.city.slug === successor)?.city;
                if (city) setPending({ kind: 'handOver', city });
              }}
            >
              {t('proposals.partners.handOver')}
            </Button>
          </Group>
        )}
      </Stack>
      <ActionModal
        request={request}
        onClose={() => setPending(null)}
        onConfirm={() => pending && change.mutate(pending)}
        pending={change.isPending}
        error={change.error}
      />
    </Paper>
  );
}
