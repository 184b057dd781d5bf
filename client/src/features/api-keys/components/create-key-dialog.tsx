import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox, TextField } from '@/components/ui/field';
import { Dialog } from '@/components/ui/dialog';
import { describeError } from '@/components/ui/states';
import { fieldErrors, toProblem } from '@/lib/problem';
import { useT } from '@/lib/i18n';
import type { CreatedApiKey } from '@/types/api';
import { useCreateKeyMutation } from '../api/api-keys-api';

export function CreateKeyDialog({
  open,
  onClose,
  onCreated,
  modelOptions,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedApiKey) => void;
  modelOptions: { value: string; label: string }[];
}) {
  const t = useT();
  const [createKey, { isLoading, error, reset }] = useCreateKeyMutation();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [restrict, setRestrict] = useState(false);
  const [models, setModels] = useState<string[]>([]);
  const [localError, setLocalError] = useState<Record<string, string>>({});

  const problem = toProblem(error);
  const errors = { ...fieldErrors(problem), ...localError };
  const today = new Date().toISOString().slice(0, 10);

  function close() {
    setName('');
    setExpires('');
    setRestrict(false);
    setModels([]);
    setLocalError({});
    reset();
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('keys.nameRequired');
    if (expires && expires <= today) problems.expiresAt = t('keys.expiryFuture');
    if (restrict && models.length === 0) problems.models = t('keys.pickModel');
    setLocalError(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const created = await createKey({
        name: name.trim(),
        // the end of the chosen day, in the user's time zone
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined,
        models: restrict ? models : undefined,
      }).unwrap();
      setName('');
      setExpires('');
      setRestrict(false);
      setModels([]);
      onCreated(created);
    } catch {
      // shown below from the mutation's error
    }
  }

  return (
    <Dialog open={open} onClose={close} title={t('keys.createTitle')} testId="key-create-dialog">
      <form className="form" onSubmit={submit} noValidate data-testid="key-create-form">
        <TextField
          label={t('keys.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          placeholder={t('keys.namePlaceholder')}
          maxLength={100}
          required
          autoFocus
          data-testid="key-create-name"
        />
        <TextField
          label={t('keys.expiresOptional')}
          type="date"
          min={today}
          value={expires}
          onChange={(event) => setExpires(event.target.value)}
          error={errors.expiresAt}
          hint={t('keys.expiresHint')}
          data-testid="key-create-expires"
        />
        <fieldset className="stack stack--tight" style={{ border: 0, margin: 0, padding: 0 }}>
          <legend className="field__label">{t('keys.models')}</legend>
          <Checkbox
            label={t('keys.restrict')}
            checked={restrict}
            onChange={(event) => setRestrict(event.target.checked)}
            data-testid="key-create-restrict"
          />
          {restrict ? (
            modelOptions.length === 0 ? (
              <p className="meta">{t('keys.noModels')}</p>
            ) : (
              <div
                className="stack stack--tight"
                style={{ gap: 0, maxHeight: 220, overflowY: 'auto', paddingLeft: 8 }}
              >
                {modelOptions.map((option) => (
                  <Checkbox
                    key={option.value}
                    label={option.label}
                    checked={models.includes(option.value)}
                    onChange={(event) =>
                      setModels((current) =>
                        event.target.checked
                          ? [...current, option.value]
                          : current.filter((m) => m !== option.value),
                      )
                    }
                  />
                ))}
              </div>
            )
          ) : null}
          {errors.models ? <span className="field__error">{errors.models}</span> : null}
        </fieldset>
        {error && !problem?.errors ? (
          <p className="alert" role="alert">
            {describeError(t, error)}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button onClick={close}>{t('action.cancel')}</Button>
          <Button type="submit" variant="primary" loading={isLoading} data-testid="key-create-submit">
            {t('keys.createSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
