import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { AlertIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n';
import type { CreatedApiKey } from '@/types/api';

/** Shows a new key's plaintext once; after closing, only its prefix is ever shown again. */
export function KeyRevealDialog({
  created,
  onClose,
}: {
  created: CreatedApiKey | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      open={!!created}
      onClose={onClose}
      title={t('keys.revealTitle')}
      testId="key-reveal-dialog"
      dismissible={false}
    >
      {created ? (
        <>
          <div className="banner banner--danger" role="alert">
            <AlertIcon width={22} height={22} style={{ color: 'var(--danger)', flex: 'none' }} />
            <div className="banner__text">
              <strong>{t('keys.revealWarningTitle')}</strong>
              <span className="muted">{t('keys.revealWarning')}</span>
            </div>
          </div>
          <div className="key-reveal">
            <span className="eyebrow">{created.apiKey.name}</span>
            <code data-testid="key-reveal-value">{created.key}</code>
          </div>
          <div className="dialog__actions">
            <CopyButton text={created.key} size="md" variant="primary" testId="key-reveal-copy" />
            <Button onClick={onClose} data-testid="key-reveal-close">
              {t('keys.revealDone')}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
