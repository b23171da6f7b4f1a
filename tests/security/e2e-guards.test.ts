import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 12 item 6: the e2e fixture fails a test on any securitypolicyviolation event (and on a missing
// message). That holds in every test only if every browser context comes from the fixture: the test's
// own `page`/`context`, `session()`, `newMember()` or `newContext()` (e2e/support/fixtures.ts).
const e2e = path.resolve(__dirname, '../../e2e');
const files = fs
  .readdirSync(e2e)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(e2e, f), 'utf8') }));

describe('every e2e browser context is watched for CSP violations', () => {
  it('no spec opens a context or browser of its own (browser.newContext / chromium.launch)', () => {
    const offenders = files.filter((f) =>
      /\.newContext\(|\.launch(Persistent)?\(|browser\w*\(?\)?!?\.newPage\(/.test(f.text),
    );
    expect(offenders.map((f) => f.name)).toEqual([]);
  });

  it('every spec takes `test` from the fixtures (which add the guard), not from @playwright/test', () => {
    const bare = files.filter(
      (f) =>
        f.name !== 'logs.teardown.ts' && // reads the server's log file; opens no browser
        /import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*'@playwright\/test'/.test(f.text),
    );
    expect(bare.map((f) => f.name)).toEqual([]);
    expect(files.find((f) => f.name === 'logs.teardown.ts')?.text).not.toMatch(/\b(page|context|browser)\b\s*[,}]/);
  });

  it('the fixture guards every context it makes', () => {
    const fixtures = fs.readFileSync(path.join(e2e, 'support/fixtures.ts'), 'utf8');
    expect(fixtures.match(/browser\.newContext\(/g)).toHaveLength(1); // only in newContext, which watches it
    // …for CSP violations, missing messages and pages that cannot hydrate
    for (const fixture of ['newContext: async \\(\\{ browser,', 'context: async \\(\\{ context, ip,']) {
      const body = new RegExp(
        `${fixture} missing, cspViolations, hydrationErrors \\}[\\s\\S]*?watchCsp\\(context, cspViolations\\)`,
      );
      const text = fixtures.match(body)?.[0] ?? '';
      expect(text, fixture).toMatch(/watchMessages\(context, missing\)/);
      expect(text, fixture).toMatch(/watchHydration\(context, hydrationErrors\)/);
      expect(text, fixture).toMatch(/watchCsp\(context, cspViolations\)/);
    }
  });
});
