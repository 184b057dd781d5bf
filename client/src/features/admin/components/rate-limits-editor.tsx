import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { PlusIcon } from '@/components/ui/icons';
import { SkeletonRows } from '@/components/ui/skeleton';
import { describeError, EmptyState, ErrorState } from '@/components/ui/states';
import { fieldErrors, toProblem } from '@/lib/problem';
import { useFormat, useT } from '@/lib/i18n';
import type { RateLimit } from '@/types/api';
import {
  useCreateRateLimitMutation,
  useDeleteRateLimitMutation,
  useGetAdminModelsQuery,
  useGetAdminRateLimitsQuery,
  useGetAdminTiersQuery,
  useUpdateRateLimitMutation,
} from '../api/admin-api';
import { useReadOnly } from '../hooks/use-read-only';
import { parseNonNegativeInt } from '../utils/validation';

const FIELDS = ['requestsPerMinute', 'requestsPerDay', 'tokensPerMinute', 'tokensPerDay'] as const;
type LimitField = (typeof FIELDS)[number];
type LimitValues = Record<LimitField, string>;

const LABEL_KEY = {
  requestsPerMinute: 'limits.rpm',
  requestsPerDay: 'limits.rpd',
  tokensPerMinute: 'limits.tpm',
  tokensPerDay: 'limits.tpd',
} as const;

function parseValues(values: LimitValues) {
  const out = {} as Record<LimitField, number>;
  const bad: LimitField[] = [];
  for (const field of FIELDS) {
    const n = parseNonNegativeInt(values[field]);
    if (n === null) bad.push(field);
    else out[field] = n;
  }
  return { parsed: bad.length === 0 ? out : null, bad };
}

/** AdminRateLimitForm: a new model × tier limit. */
function NewRateLimitForm({ disabled }: { disabled: boolean }) {
  const t = useT();
  const models = useGetAdminModelsQuery();
  const tiers = useGetAdminTiersQuery();
  const [create, state] = useCreateRateLimitMutation();
  const [modelId, setModelId] = useState('');
  const [tierId, setTierId] = useState('');
  const [values, setValues] = useState<LimitValues>({
    requestsPerMinute: '0',
    requestsPerDay: '0',
    tokensPerMinute: '0',
    tokensPerDay: '0',
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(toProblem(state.error));
  const errors = { ...server, ...local };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!modelId) problems.modelId = t('form.required');
    if (!tierId) problems.tierId = t('form.required');
    const { parsed, bad } = parseValues(values);
    for (const field of bad) problems[field] = t('form.nonNegativeInt');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !parsed) return;
    try {
      await create({ modelId, tierId, ...parsed }).unwrap();
      setModelId('');
    } catch {
      // shown below
    }
  }

  return (
    <form className="card card--flat form" onSubmit={submit} noValidate data-testid="rate-limit-form">
      <h3>{t('rl.newTitle')}</h3>
      <div className="form-grid">
        <SelectField label={t('limits.model')} value={modelId} onChange={(e) => setModelId(e.target.value)} error={errors.modelId} disabled={disabled}>
          <option value="">{t('rl.pickModel')}</option>
          {[...(models.data ?? [])]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.companyName})
              </option>
            ))}
        </SelectField>
        <SelectField label={t('limits.tier')} value={tierId} onChange={(e) => setTierId(e.target.value)} error={errors.tierId} disabled={disabled}>
          <option value="">{t('rl.pickTier')}</option>
          {[...(tiers.data ?? [])]
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
        </SelectField>
        {FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(LABEL_KEY[field])}
            inputMode="numeric"
            value={values[field]}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            error={errors[field]}
            disabled={disabled}
          />
        ))}
      </div>
      {state.isError && !toProblem(state.error)?.errors ? (
        <p className="alert" role="alert">
          {describeError(t, state.error)}
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" variant="primary" icon={<PlusIcon />} loading={state.isLoading} disabled={disabled} data-testid="rate-limit-create">
          {t('rl.add')}
        </Button>
      </div>
    </form>
  );
}

function RateLimitRow({ limit, readOnly }: { limit: RateLimit; readOnly: boolean }) {
  const t = useT();
  const f = useFormat();
  const start: LimitValues = {
    requestsPerMinute: String(limit.requestsPerMinute),
    requestsPerDay: String(limit.requestsPerDay),
    tokensPerMinute: String(limit.tokensPerMinute),
    tokensPerDay: String(limit.tokensPerDay),
  };
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(start);
  const [update, updateState] = useUpdateRateLimitMutation();
  const [remove, removeState] = useDeleteRateLimitMutation();
  const { parsed, bad } = parseValues(values);
  const formId = `rl-${limit.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!parsed) return;
    try {
      await update({ id: limit.id, modelId: limit.modelId, tierId: limit.tierId, ...parsed }).unwrap();
      setEditing(false);
    } catch {
      // shown below
    }
  }

  const error = updateState.error ?? removeState.error;
  return (
    <tr data-testid="rate-limit-row">
      <td className="rtable__primary" data-label={t('limits.model')}>
        <form id={formId} onSubmit={save} />
        {limit.modelName}
      </td>
      <td data-label={t('limits.tier')}>{limit.tierName}</td>
      {FIELDS.map((field) => (
        <td key={field} className="r" data-label={t(LABEL_KEY[field])}>
          {editing ? (
            <input
              form={formId}
              className="input input--sm num"
              style={{ width: 104, textAlign: 'right' }}
              inputMode="numeric"
              value={values[field]}
              aria-label={`${t(LABEL_KEY[field])} — ${limit.modelName}, ${limit.tierName}`}
              aria-invalid={bad.includes(field)}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              data-testid={`rl-${field}`}
            />
          ) : (
            f.int(limit[field])
          )}
        </td>
      ))}
      <td data-label="">
        <div className="stack stack--tight" style={{ alignItems: 'flex-end', width: '100%' }}>
          <div className="row" style={{ gap: 8, justifyContent: 'flex-end' }}>
            {editing ? (
              <>
                <Button size="sm" type="submit" form={formId} variant="primary" disabled={!parsed} loading={updateState.isLoading}>
                  {t('action.save')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setValues(start);
                    setEditing(false);
                  }}
                >
                  {t('action.cancel')}
                </Button>
              </>
            ) : (
              <>
                <Button size="sm" disabled={readOnly} onClick={() => setEditing(true)}>
                  {t('action.edit')}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={readOnly}
                  loading={removeState.isLoading}
                  onClick={() => {
                    if (window.confirm(t('rl.deleteConfirm', { model: limit.modelName, tier: limit.tierName })))
                      remove(limit.id);
                  }}
                >
                  {t('action.delete')}
                </Button>
              </>
            )}
          </div>
          {editing && !parsed ? <span className="field__error">{t('form.nonNegativeInt')}</span> : null}
          {error ? (
            <span className="field__error" role="alert">
              {describeError(t, error)}
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

export function RateLimitsEditor() {
  const t = useT();
  const readOnly = useReadOnly();
  const { data, isLoading, isError, error, refetch } = useGetAdminRateLimitsQuery();
  const [tierFilter, setTierFilter] = useState('');
  const tiers = useMemo(
    () => [...new Map((data ?? []).map((l) => [l.tierId, l.tierName])).entries()],
    [data],
  );
  const rows = useMemo(
    () =>
      [...(data ?? [])]
        .filter((l) => !tierFilter || l.tierId === tierFilter)
        .sort((a, b) => a.modelName.localeCompare(b.modelName) || a.tierName.localeCompare(b.tierName)),
    [data, tierFilter],
  );

  return (
    <div className="stack" style={{ gap: 24 }}>
      <h3>{t('rl.title')}</h3>
      <NewRateLimitForm disabled={readOnly} />
      {isLoading ? (
        <SkeletonRows rows={6} />
      ) : isError ? (
        <ErrorState error={error} onRetry={refetch} />
      ) : (data ?? []).length === 0 ? (
        <EmptyState title={t('rl.emptyTitle')}>{t('rl.emptyText')}</EmptyState>
      ) : (
        <>
          <SelectField label={t('rl.filterTier')} value={tierFilter} onChange={(e) => setTierFilter(e.target.value)} style={{ maxWidth: 280 }}>
            <option value="">{t('models.any')}</option>
            {tiers.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </SelectField>
          <div className="table-wrap">
            <table className="rtable">
              <caption className="visually-hidden">{t('rl.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('limits.model')}</th>
                  <th scope="col">{t('limits.tier')}</th>
                  {FIELDS.map((field) => (
                    <th key={field} scope="col" className="r">
                      {t(LABEL_KEY[field])}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">{t('keys.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((limit) => (
                  <RateLimitRow key={`${limit.id}-${limit.requestsPerMinute}-${limit.requestsPerDay}-${limit.tokensPerMinute}-${limit.tokensPerDay}`} limit={limit} readOnly={readOnly} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
