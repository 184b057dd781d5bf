import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { describeError, EmptyState, ErrorState } from '@/components/ui/states';
import { fieldErrors, toProblem } from '@/lib/problem';
import { useFormat, useT } from '@/lib/i18n';
import type { AccountStatus, AdminUser, Role, Tier } from '@/types/api';
import {
  useAdjustBalanceMutation,
  useGetAdminTiersQuery,
  useGetUsersQuery,
  useUpdateUserMutation,
} from '../api/admin-api';
import { useReadOnly } from '../hooks/use-read-only';
import { parseAmount } from '../utils/validation';

const ROLES: Role[] = ['customer', 'enterprise', 'support', 'admin'];
const STATUSES: AccountStatus[] = ['active', 'pending_approval', 'suspended'];
const PAGE_SIZE = 20;

function UserEditor({ user, tiers, readOnly }: { user: AdminUser; tiers: Tier[]; readOnly: boolean }) {
  const t = useT();
  const [role, setRole] = useState<Role>(user.role);
  const [tierId, setTierId] = useState(user.tier.id);
  const [status, setStatus] = useState<AccountStatus>(user.status);
  const [update, updateState] = useUpdateUserMutation();
  const [adjust, adjustState] = useAdjustBalanceMutation();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [balanceErrors, setBalanceErrors] = useState<Record<string, string>>({});
  const dirty = role !== user.role || tierId !== user.tier.id || status !== user.status;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await update({
        id: user.id,
        role: role !== user.role ? role : undefined,
        tierId: tierId !== user.tier.id ? tierId : undefined,
        status: status !== user.status ? status : undefined,
      }).unwrap();
    } catch {
      // shown below
    }
  }

  async function applyBalance(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const value = parseAmount(amount);
    if (value === null) problems.amount = t('users.amountInvalid');
    if (!reason.trim()) problems.reason = t('form.required');
    setBalanceErrors(problems);
    if (value === null || Object.keys(problems).length > 0) return;
    try {
      await adjust({ id: user.id, amount: value, reason: reason.trim() }).unwrap();
      setAmount('');
      setReason('');
    } catch {
      // shown below
    }
  }

  const serverBalance = fieldErrors(toProblem(adjustState.error));
  return (
    <div className="stack" style={{ paddingTop: 8 }}>
      <form className="form-grid" onSubmit={save}>
        <SelectField label={t('users.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={readOnly} data-testid="user-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('users.tier')} value={tierId} onChange={(e) => setTierId(e.target.value)} disabled={readOnly} data-testid="user-tier">
          {tiers.some((tier) => tier.id === user.tier.id) ? null : <option value={user.tier.id}>{user.tier.name}</option>}
          {tiers.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('users.status')} value={status} onChange={(e) => setStatus(e.target.value as AccountStatus)} disabled={readOnly} data-testid="user-status">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" disabled={readOnly || !dirty} loading={updateState.isLoading} data-testid="user-save">
          {t('action.save')}
        </Button>
      </form>
      <div aria-live="polite">
        {updateState.isError ? (
          <p className="alert" role="alert">
            {describeError(t, updateState.error)}
          </p>
        ) : updateState.isSuccess ? (
          <p className="notice">{t('users.saved')}</p>
        ) : null}
      </div>
      <form className="form-grid" onSubmit={applyBalance} noValidate>
        <TextField
          label={t('users.amount')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          hint={t('users.amountHint')}
          error={balanceErrors.amount ?? serverBalance.amount}
          disabled={readOnly}
          data-testid="balance-amount"
        />
        <TextField
          label={t('users.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={balanceErrors.reason ?? serverBalance.reason}
          disabled={readOnly}
          data-testid="balance-reason"
        />
        <Button type="submit" disabled={readOnly} loading={adjustState.isLoading} data-testid="balance-apply">
          {t('users.adjust')}
        </Button>
      </form>
      <div aria-live="polite">
        {adjustState.isError && !toProblem(adjustState.error)?.errors ? (
          <p className="alert" role="alert">
            {describeError(t, adjustState.error)}
          </p>
        ) : adjustState.isSuccess ? (
          <p className="notice">{t('users.balanceDone')}</p>
        ) : null}
      </div>
    </div>
  );
}

/** AdminUserManager: search, filter and page users; edit role, tier, status and balance. */
export function UserManager() {
  const t = useT();
  const f = useFormat();
  const readOnly = useReadOnly();
  const tiers = useGetAdminTiersQuery();
  const [text, setText] = useState('');
  const [query, setQuery] = useState({ q: '', role: '', tier: '', status: '', page: 1 });
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (text === query.q) return;
    const timer = window.setTimeout(() => setQuery((q) => ({ ...q, q: text, page: 1 })), 300);
    return () => window.clearTimeout(timer);
  }, [text, query.q]);

  const { data, isLoading, isFetching, isError, error, refetch } = useGetUsersQuery({ ...query, pageSize: PAGE_SIZE });
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;
  const tierList = [...(tiers.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);

  return (
    <div className="stack" style={{ gap: 24 }}>
      <div className="card card--flat form-grid" role="search" aria-label={t('users.filtersLabel')}>
        <TextField label={t('users.search')} type="search" value={text} placeholder={t('users.searchPlaceholder')} onChange={(e) => setText(e.target.value)} data-testid="users-search" />
        <SelectField label={t('users.role')} value={query.role} onChange={(e) => setQuery({ ...query, role: e.target.value, page: 1 })}>
          <option value="">{t('models.any')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('users.tier')} value={query.tier} onChange={(e) => setQuery({ ...query, tier: e.target.value, page: 1 })}>
          <option value="">{t('models.any')}</option>
          {tierList.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('users.status')} value={query.status} onChange={(e) => setQuery({ ...query, status: e.target.value, page: 1 })}>
          <option value="">{t('models.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {readOnly ? <p className="meta">{t('admin.readOnly')}</p> : null}
      <p className="meta" role="status" aria-live="polite">
        {data ? t.plural('users.found', data.total) : ''}
      </p>
      {isLoading ? (
        <SkeletonRows rows={6} />
      ) : isError ? (
        <ErrorState error={error} onRetry={refetch} />
      ) : !data || data.items.length === 0 ? (
        <EmptyState title={t('users.emptyTitle')} />
      ) : (
        <ul className="stack stack--tight" style={{ listStyle: 'none', margin: 0, padding: 0, opacity: isFetching ? 0.6 : 1 }}>
          {data.items.map((user) => (
            <li key={user.id} className="card card--flat" style={{ padding: 16 }} data-testid="user-row">
              <div className="row row--between">
                <div className="stack" style={{ gap: 2, minWidth: 0 }}>
                  <strong className="break">{user.displayName || user.email}</strong>
                  <span className="meta break">
                    {user.email} · {t('users.joined', { date: f.date(user.createdAt) })}
                  </span>
                </div>
                <div className="row" style={{ gap: 8 }}>
                  <span className="pill">{t(`role.${user.role}`)}</span>
                  <span className="pill pill--sky">{user.tier.name}</span>
                  <span className={user.status === 'active' ? 'pill pill--olive' : user.status === 'suspended' ? 'pill pill--danger' : 'pill pill--clay'}>
                    {t(`status.${user.status}`)}
                  </span>
                  <span className="mono num" style={{ fontSize: 14 }}>
                    {f.money(user.balance)}
                  </span>
                  <Button
                    size="sm"
                    aria-expanded={open === user.id}
                    aria-controls={`user-edit-${user.id}`}
                    onClick={() => setOpen(open === user.id ? null : user.id)}
                    data-testid="user-edit"
                  >
                    {open === user.id ? t('action.close') : readOnly ? t('action.view') : t('action.edit')}
                  </Button>
                </div>
              </div>
              {open === user.id ? (
                <div id={`user-edit-${user.id}`}>
                  <UserEditor key={user.updatedAt} user={user} tiers={tierList} readOnly={readOnly} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 ? (
        <nav className="row" aria-label={t('pager.label')} style={{ justifyContent: 'center' }}>
          <Button size="sm" disabled={query.page <= 1} onClick={() => setQuery({ ...query, page: query.page - 1 })}>
            {t('pager.prev')}
          </Button>
          <span className="meta num">{t('pager.pageOf', { page: query.page, pages })}</span>
          <Button size="sm" disabled={query.page >= pages} onClick={() => setQuery({ ...query, page: query.page + 1 })}>
            {t('pager.next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
