import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox, TextField } from '@/components/ui/field';
import { describeError } from '@/components/ui/states';
import { fieldErrors, toProblem, type ApiError } from '@/lib/problem';
import { useT } from '@/lib/i18n';
import type { Tier } from '@/types/api';
import type { TierInput } from '../api/admin-api';
import { parseNonNegative, parseNonNegativeInt } from '../utils/validation';

export function TierForm({
  tier,
  onSubmit,
  onCancel,
  busy,
  error,
  disabled,
}: {
  tier?: Tier;
  onSubmit: (input: TierInput) => void;
  onCancel?: () => void;
  busy: boolean;
  error: ApiError;
  disabled: boolean;
}) {
  const t = useT();
  const [v, setV] = useState({
    name: tier?.name ?? '',
    description: tier?.description ?? '',
    isFree: tier?.isFree ?? false,
    price: String(tier?.price ?? 0),
    sortOrder: String(tier?.sortOrder ?? 0),
    upgradeThreshold: tier?.upgradeThreshold == null ? '' : String(tier.upgradeThreshold),
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(toProblem(error));
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const price = parseNonNegative(v.price);
    const sortOrder = parseNonNegativeInt(v.sortOrder);
    const threshold = v.upgradeThreshold.trim() === '' ? null : parseNonNegative(v.upgradeThreshold);
    if (!v.name.trim()) problems.name = t('form.required');
    if (price === null) problems.price = t('form.nonNegative');
    if (sortOrder === null) problems.sortOrder = t('form.nonNegativeInt');
    if (v.upgradeThreshold.trim() !== '' && threshold === null) problems.upgradeThreshold = t('form.nonNegative');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    onSubmit({
      name: v.name.trim(),
      description: v.description.trim() || null,
      isFree: v.isFree,
      price: price ?? 0,
      sortOrder: sortOrder ?? 0,
      upgradeThreshold: threshold,
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="tier-form">
      <div className="form-grid">
        <TextField label={t('tiers.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={errors.name} disabled={disabled} required />
        <TextField label={t('tiers.price')} inputMode="decimal" value={v.price} onChange={(e) => setV({ ...v, price: e.target.value })} error={errors.price} disabled={disabled} />
        <TextField label={t('tiers.sortOrder')} inputMode="numeric" value={v.sortOrder} onChange={(e) => setV({ ...v, sortOrder: e.target.value })} error={errors.sortOrder} disabled={disabled} />
        <TextField
          label={t('tiers.upgradeThreshold')}
          inputMode="decimal"
          value={v.upgradeThreshold}
          onChange={(e) => setV({ ...v, upgradeThreshold: e.target.value })}
          error={errors.upgradeThreshold}
          hint={t('tiers.upgradeThresholdHint')}
          disabled={disabled}
        />
      </div>
      <TextField label={t('tiers.description')} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={errors.description} disabled={disabled} />
      <Checkbox label={t('tiers.isFree')} checked={v.isFree} onChange={(e) => setV({ ...v, isFree: e.target.checked })} disabled={disabled} />
      {error && !toProblem(error)?.errors ? (
        <p className="alert" role="alert">
          {describeError(t, error)}
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" variant="primary" loading={busy} disabled={disabled} data-testid="tier-save">
          {tier ? t('action.save') : t('tiers.create')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </div>
    </form>
  );
}
