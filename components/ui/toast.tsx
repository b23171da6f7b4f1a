'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { focusRing } from '@/components/ui/styles';

export type ToastTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export type ToastOptions = {
  tone?: ToastTone;
  title?: ReactNode;
  /** Milliseconds before auto-dismiss; 0 keeps it until dismissed. */
  duration?: number;
};

type ToastItem = ToastOptions & { id: number; message: ReactNode };

export type ToastApi = {
  /** Shows a toast and returns its id. */
  toast: (message: ReactNode, options?: ToastOptions) => number;
  dismiss: (id: number) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error('useToast must be used inside <ToastProvider>');
  return ctx;
}

export type ToastProviderProps = {
  children: ReactNode;
  /** Accessible name of each toast's dismiss button, e.g. "閉じる" / "Dismiss". */
  dismissLabel: string;
  /** Default auto-dismiss delay in ms. */
  duration?: number;
  /** Max toasts shown at once (oldest removed first). */
  max?: number;
};

const tones: Record<ToastTone, string> = {
  neutral: 'border-slate-500',
  info: 'border-sky-700',
  success: 'border-emerald-700',
  warning: 'border-amber-600',
  danger: 'border-red-700',
};

export function ToastProvider({ children, dismissLabel, duration = 6000, max = 4 }: ToastProviderProps) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (message: ReactNode, options: ToastOptions = {}) => {
      const id = nextId.current++;
      setItems((list) => [...list, { ...options, id, message }].slice(-max));
      return id;
    },
    [max],
  );
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
      >
        {items.map((t) => (
          <Toast
            key={t.id}
            item={t}
            duration={t.duration ?? duration}
            dismissLabel={dismissLabel}
            onDismiss={dismiss}
          />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function Toast({
  item,
  duration,
  dismissLabel,
  onDismiss,
}: {
  item: ToastItem;
  duration: number;
  dismissLabel: string;
  onDismiss: (id: number) => void;
}) {
  // Timer pauses while hovered or focused so people have time to read (WCAG 2.2.1).
  const [paused, setPaused] = useState(false);
  const remaining = useRef(duration);

  useEffect(() => {
    if (paused || duration <= 0) return;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(item.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1000, remaining.current - (Date.now() - started));
    };
  }, [paused, duration, item.id, onDismiss]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only pause the timer (WCAG 2.2.1); nothing is activated
    <div
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setPaused(false);
      }}
      className={clsx(
        'pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-md border border-l-4 border-slate-200 bg-white py-2 pr-2 pl-4 text-sm text-slate-900 shadow-lg',
        tones[item.tone ?? 'neutral'],
      )}
    >
      <div className="min-w-0 flex-1 py-2">
        {item.title && <p className="font-semibold">{item.title}</p>}
        <div className={item.title ? 'mt-0.5 text-slate-700' : undefined}>{item.message}</div>
      </div>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        aria-label={dismissLabel}
        className={clsx(
          'inline-flex size-10 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-slate-900',
          focusRing,
        )}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </div>
  );
}
