/**
 * A long import (a 10 MB file, 20,000 rows) runs in one request on the server's only thread: it
 * must leave room for every other request (issue 12 item 8). `pacer()` returns a function to await
 * between units of work; once `budgetMs` of work has passed it yields a full turn of the event loop
 * (timers, I/O, other requests), otherwise it resolves at once.
 */
export function pacer(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await nextTurn();
    since = performance.now();
  };
}

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
