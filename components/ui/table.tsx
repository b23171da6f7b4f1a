import { useId, type ComponentProps, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { focusRing } from '@/components/ui/styles';

export type TableProps = ComponentProps<'table'> & {
  /** Table caption (already translated); names the table and its scroll region. */
  caption: ReactNode;
  /** Keep the caption for screen readers only. */
  captionHidden?: boolean;
  /** Extra classes for the scroll wrapper. */
  wrapperClassName?: string;
};

/**
 * Table inside a horizontally scrollable, keyboard-focusable region (labelled by the caption) so wide
 * tables work on phones; a shadow on an edge shows there is more to scroll to (.scroll-cue). It is
 * `relative` so that absolutely placed content in a cell (a screen-reader-only label) scrolls with the
 * table instead of widening the page.
 */
export function Table({ caption, captionHidden, wrapperClassName, className, children, ...props }: TableProps) {
  const captionId = `table-caption-${useId()}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: the scroll container is a named region around the table, not a page section
    <div
      role="region"
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable)
      tabIndex={0}
      className={clsx(
        'scroll-cue relative w-full max-w-full overflow-x-auto rounded-lg border border-slate-200',
        focusRing,
        wrapperClassName,
      )}
    >
      <table className={clsx('w-full border-collapse text-left text-sm text-slate-800', className)} {...props}>
        <caption
          id={captionId}
          className={clsx(captionHidden ? 'sr-only' : 'px-4 py-3 text-left text-base font-semibold text-slate-900')}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={clsx('border-b border-slate-300 bg-slate-50', className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={clsx('divide-y divide-slate-200', className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={clsx('hover:bg-slate-50', className)} {...props} />;
}

export type ThProps = ComponentProps<'th'> & { scope?: 'col' | 'row' | 'colgroup' | 'rowgroup' };

/** Header cell; scope defaults to "col" (use scope="row" for row headers). */
export function Th({ scope = 'col', className, ...props }: ThProps) {
  return (
    <th
      scope={scope}
      className={clsx('px-4 py-3 text-left align-top font-semibold whitespace-nowrap text-slate-900', className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={clsx('px-4 py-3 align-top text-slate-800', className)} {...props} />;
}
