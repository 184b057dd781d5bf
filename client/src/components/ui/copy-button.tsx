import { useEffect, useState } from 'react';
import { useT } from '@/lib/i18n';
import { Button } from './button';
import { CheckIcon, CopyIcon } from './icons';

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

export function CopyButton({
  text,
  label,
  size = 'sm',
  testId,
  variant = 'default',
}: {
  text: string;
  label?: string;
  size?: 'sm' | 'md';
  testId?: string;
  variant?: 'default' | 'primary' | 'ghost';
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <>
      <Button
        size={size}
        variant={variant}
        icon={state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
        data-testid={testId}
      >
        {state === 'copied' ? t('action.copied') : (label ?? t('action.copy'))}
      </Button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? t('action.copied') : state === 'failed' ? t('action.copyFailed') : ''}
      </span>
    </>
  );
}
