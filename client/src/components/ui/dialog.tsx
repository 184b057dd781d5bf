import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal built on the native <dialog>: focus trap, Esc and inert background for free. */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
  dismissible = true,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  testId?: string;
  dismissible?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClick={(event) => {
        if (dismissible && event.target === ref.current) onClose();
      }}
    >
      {open ? (
        <div className="dialog__body">
          <h2 id={titleId} style={{ fontSize: 26 }}>
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
