/** The nav href that is the longest prefix of the current path (so /introductions/queue is not also /introductions). */
export function currentHref(pathname: string, hrefs: string[]): string | undefined {
  return hrefs.filter((h) => pathname === h || pathname.startsWith(`${h}/`)).sort((a, b) => b.length - a.length)[0];
}
