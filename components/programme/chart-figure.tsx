import type { ReactNode } from 'react';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

export type FigureTable = {
  /** The header of the first column, then one per value column. */
  headers: string[];
  rows: { label: string; cells: string[] }[];
};

/**
 * A chart drawn on the server (an SVG string from components/programme/charts.ts) with its figures as a
 * table: the picture is one image for assistive technology; the table carries every number, and prints.
 */
export function ChartFigure({
  title,
  alt,
  svg,
  table,
  children,
}: {
  title: string;
  /** Says the chart's figures are in the table that follows. */
  alt: string;
  svg: string;
  table: FigureTable;
  children?: ReactNode;
}) {
  return (
    <figure className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid">
      <figcaption className="text-lg font-semibold text-slate-900">{title}</figcaption>
      <div
        role="img"
        aria-label={alt}
        className="overflow-x-auto [&>svg]:h-auto [&>svg]:max-w-full"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: ECharts' server renderer escapes every label; the SVG carries no script
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <Table caption={title} captionHidden>
        <THead>
          <Tr>
            {table.headers.map((h, i) => (
              <Th key={h} className={i ? 'text-right' : undefined}>
                {h}
              </Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {table.rows.map((row) => (
            <Tr key={row.label}>
              <Th scope="row" className="font-medium">
                {row.label}
              </Th>
              {row.cells.map((cell, i) => (
                <Td key={`${row.label}-${table.headers[i + 1]}`} className="text-right tabular-nums">
                  {cell}
                </Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
      {children}
    </figure>
  );
}
