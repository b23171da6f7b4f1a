import type { ReactNode } from 'react';
import { ActionButton } from '@/components/forms/action-button';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { ActionResult } from '@/lib/errors';

type Item = { id: string; name: string };

/**
 * A table of the viewer's own named items (saved searches, API tokens), each with a button that
 * removes it once a dialog naming the item is confirmed. The page gives the column headings and a
 * row's cells (`<Td>`s); the last column holds the button, its heading for screen readers only.
 * Texts come translated: `remove.label` is the button's text and the dialog's title and confirm button
 * ("Delete", "Revoke"); the button's accessible name is "label: item name".
 */
export function OwnItemsTable<Row extends Item>({
  caption,
  columns,
  rows,
  cells,
  remove,
}: {
  caption: string;
  columns: string[];
  rows: Row[];
  cells: (row: Row) => ReactNode;
  remove: {
    label: string;
    action: (input: { id: string }) => Promise<ActionResult<unknown>>;
    confirmText: (row: Row) => string;
    successMessage: string;
    variant: 'ghost' | 'danger';
    /** rows that can be removed (default: all) */
    offered?: (row: Row) => boolean;
  };
}) {
  return (
    <Table caption={caption}>
      <THead>
        <Tr>
          {columns.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
          <Th>
            <span className="sr-only">{remove.label}</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id}>
            {cells(row)}
            <Td>
              {(remove.offered?.(row) ?? true) && (
                <ActionButton
                  action={remove.action}
                  input={{ id: row.id }}
                  variant={remove.variant}
                  aria-label={`${remove.label}: ${row.name}`}
                  successMessage={remove.successMessage}
                  confirm={{ title: remove.label, text: remove.confirmText(row), confirmLabel: remove.label }}
                >
                  {remove.label}
                </ActionButton>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
