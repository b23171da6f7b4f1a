import 'server-only';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Charts drawn on the server by Apache ECharts (pinned in package.json) into SVG: no JavaScript reaches the
// browser, the page prints as it shows, and each chart sits beside a table with the same figures.

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

const WIDTH = 720;
/** Single quotes only: ECharts writes the family into a double-quoted style attribute. */
const FONT = "system-ui, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic', sans-serif";
/** Teal, amber, slate, indigo, rose, purple, green: told apart without colour too (the legend and the table name them). */
const COLOURS = ['#0f766e', '#b45309', '#475569', '#4338ca', '#be123c', '#7e22ce', '#15803d'];

type Series = { name: string; data: number[] };

function render(option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      color: COLOURS,
      textStyle: { fontFamily: FONT, color: '#1e293b' },
      ...option,
    });
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * The page's Content-Security-Policy admits no inline styles (lib/security/csp.ts): the `style` attributes
 * ECharts writes on text become the equivalent SVG presentation attributes (font-size="12px"), and its
 * `<style>` block, which holds only hover effects (none without JavaScript), is left out.
 */
export function withoutInlineStyles(svg: string): string {
  return svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/ style="([^"]*)"/g, (_, css: string) =>
    css
      .split(';')
      .map((declaration) => /^\s*([a-z-]+)\s*:\s*(.+?)\s*$/.exec(declaration))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, property, value]) => ` ${property}="${value.replace(/"/g, '&quot;')}"`)
      .join(''),
  );
}

/** Horizontal bars, one per category, top to bottom in the given order (the funnel, outcome kinds). */
export function horizontalBarSvg(categories: string[], values: number[]): string {
  const height = Math.max(160, 48 + categories.length * 34);
  return render(
    {
      grid: { left: 16, right: 48, top: 16, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: categories, inverse: true },
      series: [{ type: 'bar', data: values, label: { show: true, position: 'right' }, barMaxWidth: 28 }],
    },
    height,
  );
}

/** Lines over months, one per series, with a legend. */
export function monthlyLinesSvg(months: string[], series: Series[]): string {
  return render(
    {
      grid: { left: 16, right: 24, top: 48, bottom: 24 },
      legend: { top: 8, data: series.map((s) => s.name) },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, symbolSize: 6 })),
    },
    320,
  );
}

/** Bars in groups, one bar per series in each category, with a legend (a survey's before and after). */
export function groupedBarSvg(
  categories: string[],
  series: Series[],
  { horizontal = false, max }: { horizontal?: boolean; max?: number } = {},
): string {
  const values = { type: 'value', minInterval: 1, ...(max ? { max } : {}) };
  const labels = { type: 'category', data: categories, ...(horizontal ? { inverse: true } : {}) };
  const height = horizontal ? Math.max(200, 72 + categories.length * series.length * 22) : 260;
  return render(
    {
      grid: { left: 16, right: 48, top: 48, bottom: 24 },
      legend: { top: 8, data: series.map((s) => s.name) },
      xAxis: horizontal ? values : labels,
      yAxis: horizontal ? labels : values,
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.data,
        label: { show: true, position: horizontal ? 'right' : 'top' },
        barMaxWidth: 24,
      })),
    },
    height,
  );
}
