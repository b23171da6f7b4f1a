import type { ReactNode } from 'react';
import { Table, TBody, Th, THead, Tr } from '@/components/ui/table';

/**
 * A list as a table, or what to show when it is empty (usually an `<EmptyState>`): the column
 * headings (a `false` one is left out, for a column only some viewers get), then a row per item whose
 * cells `cells` gives (`<Td>`s, or a `<Th scope="row">` first).
 */
export function RowsTable<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  cells,
  empty,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: (string | false)[];
  rows: Row[];
  rowKey: (row: Row) => string;
  cells: (row: Row) => ReactNode;
  empty: ReactNode;
}) {
  if (rows.length === 0) return empty;
  return (
    <Table caption={caption} captionHidden={captionHidden}>
      <THead>
        <Tr>{columns.map((c) => c !== false && <Th key={c}>{c}</Th>)}</Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={rowKey(row)}>{cells(row)}</Tr>
        ))}
      </TBody>
    </Table>
  );
}
