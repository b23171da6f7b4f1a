import { describe, expect, it } from 'vitest';
import { horizontalBarSvg, monthlyLinesSvg, withoutInlineStyles } from './charts';

describe('charts drawn on the server', () => {
  it('are SVG with every label, escaped, and no inline style the page policy would block', () => {
    const bars = horizontalBarSvg(['提案', '<b>R&D</b>'], [12, 3]);
    const lines = monthlyLinesSvg(['2026年1月', '2026年2月'], [{ name: 'Introduced', data: [1, 4] }]);
    for (const svg of [bars, lines]) {
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/<style|style="/);
    }
    expect(bars).toContain('&lt;b&gt;R&amp;D&lt;/b&gt;');
    expect(bars).toContain('>提案<');
    expect(lines).toContain('>Introduced<');
    expect(lines).toContain('>2026年2月<');
  });

  it('turn style declarations into presentation attributes', () => {
    expect(withoutInlineStyles('<text style="font-size:12px;font-family:\'A B\', sans-serif;">x</text>')).toBe(
      '<text font-size="12px" font-family="\'A B\', sans-serif">x</text>',
    );
    expect(withoutInlineStyles('<svg><style>.a:hover{fill:red}</style><g/></svg>')).toBe('<svg><g/></svg>');
  });
});
