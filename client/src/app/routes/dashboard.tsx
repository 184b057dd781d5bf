import { useAppSelector } from '@/app/hooks';
import { Page, PageHead, Reveal } from '@/components/motion/page';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import { ApiKeyManager } from '@/features/api-keys/components/api-key-manager';
import { useGetProfileQuery } from '@/features/auth/api/auth-api';
import { selectUser } from '@/features/auth/auth-slice';
import { useGetLimitsQuery } from '@/features/dashboard/api/dashboard-api';
import { LimitsDisplay } from '@/features/dashboard/components/limits-display';
import { ProfileSummary } from '@/features/dashboard/components/profile-summary';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const stored = useAppSelector(selectUser);
  const profile = useGetProfileQuery();
  const user = profile.data ?? stored;
  // Shares the cache entry LimitsDisplay polls; gives the models a key may be limited to.
  const limits = useGetLimitsQuery();
  const modelOptions = (limits.data?.models ?? []).map((m) => ({
    value: m.externalId,
    label: `${m.modelName} · ${m.companyName}`,
  }));

  return (
    <Page title={t('dash.title')}>
      <PageHead
        eyebrow={t('dash.eyebrow')}
        title={user?.displayName ? t('dash.hello', { name: user.displayName }) : t('dash.title')}
        lead={t('dash.lead')}
      />
      <Reveal aria-labelledby="dash-profile">
        <h2 id="dash-profile">{t('dash.profileTitle')}</h2>
        {user ? (
          <ProfileSummary profile={user} />
        ) : profile.isError ? (
          <ErrorState error={profile.error} onRetry={profile.refetch} />
        ) : (
          <Skeleton height={160} radius={14} />
        )}
      </Reveal>
      <Reveal aria-labelledby="dash-limits">
        <h2 id="dash-limits">{t('dash.usageTitle')}</h2>
        <LimitsDisplay />
      </Reveal>
      <Reveal aria-labelledby="dash-keys">
        <h2 id="dash-keys">{t('keys.title')}</h2>
        <ApiKeyManager modelOptions={modelOptions} />
      </Reveal>
    </Page>
  );
}
