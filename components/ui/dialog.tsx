'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { focusRing } from '@/components/ui/styles';

export type DialogProps = {
  open: boolean;
  /** Called when the user asks to close (Escape, close button, backdrop if enabled). Set open=false here. */
  onClose: () => void;
  /** Dialog heading; also its accessible name. */
  title: ReactNode;
  /** Optional text linked with aria-describedby. */
  description?: ReactNode;
  /** Accessible name of the × button, e.g. "閉じる" / "Close". */
  closeLabel: string;
  children?: ReactNode;
  /** Action buttons, rendered right-aligned at the bottom. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  closeOnBackdropClick?: boolean;
  className?: string;
};

const sizes = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

/**
 * Modal built on the native <dialog> (showModal): focus is trapped by the browser,
 * Escape closes, focus returns to the element focused before opening.
 * Put `autoFocus` on a child to choose the initial focus (otherwise the first focusable element).
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  closeLabel,
  children,
  footer,
  size = 'md',
  closeOnBackdropClick = false,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const openRef = useRef(open);
  const onCloseRef = useRef(onClose);
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    openRef.current = open;
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // If unmounted while open, still hand focus back.
  useEffect(
    () => () => {
      const el = returnFocus.current;
      if (el?.isConnected) el.focus();
    },
    [],
  );

  function handleNativeClose() {
    const el = returnFocus.current;
    returnFocus.current = null;
    if (el?.isConnected) el.focus();
    // Closed by the browser (Escape, <form method="dialog">): tell the parent.
    if (openRef.current) onCloseRef.current();
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; the keyboard has Escape (native)
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onClose={handleNativeClose}
      onClick={(e) => {
        if (closeOnBackdropClick && e.target === e.currentTarget) onClose();
      }}
      className={clsx(
        'm-auto w-[calc(100%-2rem)] max-h-[calc(100dvh-2rem)] overflow-hidden rounded-lg bg-white p-0 text-slate-900 shadow-xl',
        'backdrop:bg-slate-900/50',
        sizes[size],
        className,
      )}
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-4 py-3 sm:px-6">
          <h2 id={titleId} className="pt-2 text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            aria-label={closeLabel}
            className={clsx(
              'inline-flex size-10 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-slate-900',
              focusRing,
            )}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
        <div className="overflow-y-auto px-4 py-4 sm:px-6">
          {description && (
            <p id={descId} className="mb-3 text-sm text-slate-700">
              {description}
            </p>
          )}
          {children}
        </div>
        {footer && (
          <div className="flex flex-col-reverse gap-2 border-t border-slate-200 px-4 py-3 sm:flex-row sm:justify-end sm:px-6">
            {footer}
          </div>
        )}
      </div>
    </dialog>
  );
}
