import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { describeError } from '@/components/ui/states';
import { fieldErrors, toProblem } from '@/lib/problem';
import { useFormat, useT } from '@/lib/i18n';
import type { AdminModel } from '@/types/api';
import {
  useCreateModelConfigMutation,
  useResetModelConfigMutation,
  useUpdateModelConfigMutation,
} from '../api/admin-api';
import { parseNonNegative } from '../utils/validation';

function initial(model: AdminModel) {
  const c = model.config;
  return {
    input: String(c?.inputPricePerMillion ?? model.inputPricePerMillion ?? 0),
    output: String(c?.outputPricePerMillion ?? model.outputPricePerMillion ?? 0),
    enabled: c?.isEnabled ?? model.isAvailable,
    free: c?.isFree ?? model.isFree,
  };
}

/** One model's editable config (AdminModelConfigForm): prices per million, enabled, free. */
export function ModelConfigRow({ model, readOnly }: { model: AdminModel; readOnly: boolean }) {
  const t = useT();
  const f = useFormat();
  const [values, setValues] = useState(() => initial(model));
  const [create, createState] = useCreateModelConfigMutation();
  const [update, updateState] = useUpdateModelConfigMutation();
  const [reset, resetState] = useResetModelConfigMutation();
  const [saved, setSaved] = useState(false);

  const input = parseNonNegative(values.input);
  const output = parseNonNegative(values.output);
  const start = initial(model);
  const dirty =
    values.input !== start.input ||
    values.output !== start.output ||
    values.enabled !== start.enabled ||
    values.free !== start.free;
  const error = createState.error ?? updateState.error ?? resetState.error;
  const serverFields = fieldErrors(toProblem(error));
  const busy = createState.isLoading || updateState.isLoading;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (input === null || output === null || readOnly) return;
    const body = {
      modelId: model.id,
      isEnabled: values.enabled,
      isFree: values.free,
      inputPricePerMillion: input,
      outputPricePerMillion: output,
    };
    try {
      const next = model.config ? await update(body).unwrap() : await create(body).unwrap();
      setValues(initial(next));
      setSaved(true);
    } catch {
      setSaved(false);
    }
  }

  const formId = `model-config-${model.id}`;
  return (
    <tr data-testid="admin-model-row">
      <td className="rtable__primary" data-label={t('adminModels.model')}>
        <span className="stack" style={{ gap: 0 }}>
          <span className="break">{model.name}</span>
          <span className="meta mono break">
            {model.companyName} · {model.externalId}
          </span>
        </span>
      </td>
      <td data-label={t('adminModels.inputPrice')}>
        <form id={formId} onSubmit={save} />
        <span className="stack" style={{ gap: 2, alignItems: 'flex-end' }}>
          <input
            form={formId}
            className="input input--sm num"
            style={{ width: 110, textAlign: 'right' }}
            inputMode="decimal"
            value={values.input}
            disabled={readOnly}
            aria-label={t('adminModels.inputPriceFor', { model: model.name })}
            aria-invalid={input === null || !!serverFields.inputPricePerMillion}
            onChange={(e) => {
              setSaved(false);
              setValues({ ...values, input: e.target.value });
            }}
            data-testid="price-input"
          />
          <span className="meta">
            {t('adminModels.litellm')}: {f.price(model.liteLlmInputPricePerMillion)}
          </span>
        </span>
      </td>
      <td data-label={t('adminModels.outputPrice')}>
        <span className="stack" style={{ gap: 2, alignItems: 'flex-end' }}>
          <input
            form={formId}
            className="input input--sm num"
            style={{ width: 110, textAlign: 'right' }}
            inputMode="decimal"
            value={values.output}
            disabled={readOnly}
            aria-label={t('adminModels.outputPriceFor', { model: model.name })}
            aria-invalid={output === null || !!serverFields.outputPricePerMillion}
            onChange={(e) => {
              setSaved(false);
              setValues({ ...values, output: e.target.value });
            }}
            data-testid="price-output"
          />
          <span className="meta">
            {t('adminModels.litellm')}: {f.price(model.liteLlmOutputPricePerMillion)}
          </span>
        </span>
      </td>
      <td data-label={t('adminModels.enabled')}>
        <label className="check">
          <input
            form={formId}
            type="checkbox"
            checked={values.enabled}
            disabled={readOnly}
            onChange={(e) => {
              setSaved(false);
              setValues({ ...values, enabled: e.target.checked });
            }}
            data-testid="model-enabled"
          />
          <span className="visually-hidden">{t('adminModels.enabledFor', { model: model.name })}</span>
        </label>
      </td>
      <td data-label={t('adminModels.free')}>
        <label className="check">
          <input
            form={formId}
            type="checkbox"
            checked={values.free}
            disabled={readOnly}
            onChange={(e) => {
              setSaved(false);
              setValues({ ...values, free: e.target.checked });
            }}
            data-testid="model-free"
          />
          <span className="visually-hidden">{t('adminModels.freeFor', { model: model.name })}</span>
        </label>
      </td>
      <td data-label="">
        <div className="stack stack--tight" style={{ alignItems: 'flex-end', width: '100%' }}>
          <div className="row" style={{ gap: 8, justifyContent: 'flex-end' }}>
            <Button
              size="sm"
              type="submit"
              form={formId}
              variant={dirty ? 'primary' : 'default'}
              disabled={readOnly || !dirty || input === null || output === null}
              loading={busy}
              data-testid="model-config-save"
            >
              {t('action.save')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={readOnly || !model.config}
              loading={resetState.isLoading}
              title={t('adminModels.resetHint')}
              onClick={async () => {
                try {
                  await reset(model.id).unwrap();
                  setSaved(false);
                } catch {
                  // shown below
                }
              }}
              data-testid="model-config-reset"
            >
              {t('adminModels.reset')}
            </Button>
          </div>
          <span aria-live="polite" className="meta">
            {input === null || output === null
              ? t('adminModels.priceInvalid')
              : saved
                ? t('adminModels.saved')
                : model.config
                  ? t('adminModels.overridden')
                  : ''}
          </span>
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
