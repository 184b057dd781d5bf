import { Button } from '@/components/ui/button';
import { SkeletonRows } from '@/components/ui/skeleton';
import { describeError, EmptyState, ErrorState } from '@/components/ui/states';
import { useFormat, useT } from '@/lib/i18n';
import type { AdminUser } from '@/types/api';
import { useApproveUserMutation, useGetFreeTierRequestsQuery } from '../api/admin-api';
import { useReadOnly } from '../hooks/use-read-only';

function ApprovalRow({ user, readOnly }: { user: AdminUser; readOnly: boolean }) {
  const t = useT();
  const f = useFormat();
  const [approve, state] = useApproveUserMutation();
  return (
    <tr data-testid="approval-row">
      <td className="rtable__primary" data-label={t('users.user')}>
        <span className="stack" style={{ gap: 0 }}>
          <span className="break">{user.displayName || user.email}</span>
          <span className="meta break">{user.email}</span>
        </span>
      </td>
      <td data-label={t('approvals.requested')}>{f.dateTime(user.freeTierRequestedAt)}</td>
      <td data-label={t('users.tier')}>{user.tier.name}</td>
      <td data-label="">
        <div className="stack stack--tight" style={{ alignItems: 'flex-end', width: '100%' }}>
          <Button
            size="sm"
            variant="primary"
            disabled={readOnly}
            loading={state.isLoading}
            onClick={() => approve(user.id)}
            aria-label={t('approvals.approveLabel', { email: user.email })}
            data-testid="approve-button"
          >
            {t('approvals.approve')}
          </Button>
          {state.isError ? (
            <span className="field__error" role="alert">
              {describeError(t, state.error)}
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

export function Approvals() {
  const t = useT();
  const readOnly = useReadOnly();
  const { data, isLoading, isError, error, refetch } = useGetFreeTierRequestsQuery();
  if (isLoading) return <SkeletonRows rows={4} />;
  if (isError) return <ErrorState error={error} onRetry={refetch} />;
  if (!data || data.length === 0)
    return <EmptyState title={t('approvals.emptyTitle')}>{t('approvals.emptyText')}</EmptyState>;
  return (
    <div className="stack">
      {readOnly ? <p className="meta">{t('admin.readOnly')}</p> : null}
      <div className="table-wrap">
        <table className="rtable">
          <caption className="visually-hidden">{t('approvals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.user')}</th>
              <th scope="col">{t('approvals.requested')}</th>
              <th scope="col">{t('users.tier')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('keys.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((user) => (
              <ApprovalRow key={user.id} user={user} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
