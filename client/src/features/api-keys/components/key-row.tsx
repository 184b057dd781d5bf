import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { describeError } from '@/components/ui/states';
import { useFormat, useT } from '@/lib/i18n';
import type { ApiKey } from '@/types/api';
import { useRenameKeyMutation, useRevokeKeyMutation } from '../api/api-keys-api';

export function keyState(key: ApiKey, now = Date.now()): 'active' | 'revoked' | 'expired' {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}

export function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const t = useT();
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(apiKey.name);
  const [confirming, setConfirming] = useState(false);
  const [rename, renameState] = useRenameKeyMutation();
  const [revoke, revokeState] = useRevokeKeyMutation();
  const state = keyState(apiKey);

  async function saveName(event: FormEvent) {
    event.preventDefault();
    const next = name.trim();
    if (!next || next === apiKey.name) {
      setEditing(false);
      setName(apiKey.name);
      return;
    }
    try {
      await rename({ id: apiKey.id, name: next }).unwrap();
      setEditing(false);
    } catch {
      // error shown inline
    }
  }

  return (
    <tr data-testid="key-row">
      <td className="rtable__primary" data-label={t('keys.name')}>
        {editing ? (
          <form onSubmit={saveName} className="row" style={{ gap: 8, width: '100%' }}>
            <label className="visually-hidden" htmlFor={`key-name-${apiKey.id}`}>
              {t('keys.name')}
            </label>
            <input
              id={`key-name-${apiKey.id}`}
              className="input input--sm"
              style={{ flex: '1 1 140px', width: 'auto' }}
              value={name}
              maxLength={100}
              autoFocus
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setEditing(false);
                  setName(apiKey.name);
                }
              }}
              data-testid="key-rename-input"
            />
            <Button size="sm" type="submit" loading={renameState.isLoading} data-testid="key-rename-save">
              {t('action.save')}
            </Button>
            {renameState.isError ? (
              <span className="field__error" role="alert">
                {describeError(t, renameState.error)}
              </span>
            ) : null}
          </form>
        ) : (
          <span className="break">{apiKey.name}</span>
        )}
      </td>
      <td data-label={t('keys.prefix')}>
        <code className="inline-code">{apiKey.prefix}…</code>
      </td>
      <td data-label={t('keys.created')} className="nowrap">
        {f.date(apiKey.createdAt)}
      </td>
      <td data-label={t('keys.lastUsed')} className="nowrap">
        {apiKey.lastUsedAt ? f.dateTime(apiKey.lastUsedAt) : t('keys.never')}
      </td>
      <td data-label={t('keys.expires')} className="nowrap">
        {apiKey.expiresAt ? f.date(apiKey.expiresAt) : t('keys.noExpiry')}
      </td>
      <td data-label={t('keys.models')}>
        {apiKey.models && apiKey.models.length > 0 ? (
          <span className="break" style={{ fontSize: 13 }}>
            {apiKey.models.join(', ')}
          </span>
        ) : (
          <span className="muted">{t('keys.allModels')}</span>
        )}
      </td>
      <td data-label={t('keys.status')}>
        <span
          className={
            state === 'active' ? 'pill pill--olive' : state === 'revoked' ? 'pill pill--danger' : 'pill'
          }
        >
          {t(`keys.state.${state}`)}
        </span>
      </td>
      <td data-label="">
        {state !== 'revoked' && !editing ? (
          <div className="row" style={{ gap: 8, justifyContent: 'flex-end', width: '100%' }}>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setEditing(true)}
              aria-label={t('keys.renameLabel', { name: apiKey.name })}
              data-testid="key-rename"
            >
              {t('keys.rename')}
            </Button>
            <Button
              size="sm"
              variant="danger"
              onClick={() => setConfirming(true)}
              aria-label={t('keys.revokeLabel', { name: apiKey.name })}
              data-testid="key-revoke"
            >
              {t('keys.revoke')}
            </Button>
          </div>
        ) : null}
        <Dialog open={confirming} onClose={() => setConfirming(false)} title={t('keys.revokeTitle')}>
          <p className="muted">{t('keys.revokeText', { name: apiKey.name })}</p>
          {revokeState.isError ? (
            <p className="alert" role="alert">
              {describeError(t, revokeState.error)}
            </p>
          ) : null}
          <div className="dialog__actions">
            <Button onClick={() => setConfirming(false)}>{t('action.cancel')}</Button>
            <Button
              variant="danger"
              loading={revokeState.isLoading}
              onClick={async () => {
                try {
                  await revoke(apiKey.id).unwrap();
                  setConfirming(false);
                } catch {
                  // shown in the dialog
                }
              }}
              data-testid="key-revoke-confirm"
            >
              {t('keys.revokeConfirm')}
            </Button>
          </div>
        </Dialog>
      </td>
    </tr>
  );
}
