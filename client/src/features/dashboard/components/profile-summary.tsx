import { Button } from '@/components/ui/button';
import { describeError } from '@/components/ui/states';
import { useFormat, useT } from '@/lib/i18n';
import type { Profile } from '@/types/api';
import { useRequestFreeTierMutation } from '../api/dashboard-api';

export function ProfileSummary({ profile }: { profile: Profile }) {
  const t = useT();
  const f = useFormat();
  const [requestFreeTier, state] = useRequestFreeTierMutation();

  return (
    <div className="stack">
      {profile.status === 'pending_approval' ? (
        <div className="banner" role="status" data-testid="pending-banner">
          <div className="banner__text">
            <strong>{t('dash.pendingTitle')}</strong>
            <span className="muted">
              {profile.freeTierRequestedAt
                ? t('dash.pendingRequested', { date: f.dateTime(profile.freeTierRequestedAt) })
                : t('dash.pendingText')}
            </span>
          </div>
          {!profile.freeTierRequestedAt ? (
            <Button
              variant="primary"
              loading={state.isLoading}
              onClick={() => requestFreeTier()}
              data-testid="free-tier-request"
            >
              {t('dash.requestFree')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {profile.status === 'suspended' ? (
        <div className="banner banner--danger" role="status">
          <div className="banner__text">
            <strong>{t('dash.suspendedTitle')}</strong>
            <span className="muted">{t('dash.suspendedText')}</span>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">
        {state.isSuccess ? <p className="notice">{t('dash.requestSent')}</p> : null}
        {state.isError ? (
          <p className="alert" role="alert">
            {describeError(t, state.error)}
          </p>
        ) : null}
      </div>
      <dl className="facts facts--text">
        <div>
          <dt>{t('dash.name')}</dt>
          <dd>{profile.displayName || '—'}</dd>
        </div>
        <div>
          <dt>{t('dash.email')}</dt>
          <dd className="break" style={{ fontFamily: 'var(--font-sans)' }}>{profile.email}</dd>
        </div>
        <div>
          <dt>{t('dash.role')}</dt>
          <dd>{t(`role.${profile.role}`)}</dd>
        </div>
        <div>
          <dt>{t('dash.status')}</dt>
          <dd>{t(`status.${profile.status}`)}</dd>
        </div>
        <div>
          <dt>{t('dash.memberSince')}</dt>
          <dd>{f.date(profile.createdAt)}</dd>
        </div>
      </dl>
    </div>
  );
}
