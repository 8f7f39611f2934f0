import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../common/i18n';

/**
 * A button for something that cannot be undone: it first opens a dialog that says what will
 * happen, and only its confirm button acts. Escape or "Keep" closes it and changes nothing.
 */
export function ConfirmButton({
  label,
  title,
  consequence,
  confirmLabel,
  onConfirm,
  disabled,
  confirmDisabled,
  danger = true,
  children,
}: {
  label: string;
  title: string;
  consequence: string;
  confirmLabel: string;
  onConfirm: () => unknown;
  disabled?: boolean;
  /** The confirm button waits for what the dialog asks (a reason). */
  confirmDisabled?: boolean;
  danger?: boolean;
  /** More to show in the dialog (an offer's terms, a reason field). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
      <dialog
        ref={dialog}
        className="confirm"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onClose={() => setOpen(false)}
        data-testid="confirm-dialog"
      >
        {open ? (
          <>
            <h2 id={`${id}-title`}>{title}</h2>
            <p id={`${id}-body`}>{consequence}</p>
            {children}
            <div className="button-row">
              <button type="button" onClick={() => setOpen(false)}>
                {t('board.keep')}
              </button>
              <button
                type="button"
                className={danger ? 'danger' : 'primary'}
                data-testid="confirm-yes"
                disabled={confirmDisabled}
                onClick={() => {
                  setOpen(false);
                  void onConfirm();
                }}
              >
                {confirmLabel}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </>
  );
}
