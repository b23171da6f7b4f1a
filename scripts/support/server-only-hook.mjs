// Module hook for scripts: `server-only` guards client bundles in Next.js; a script on the
// server may import those modules, so resolve it to an empty module.
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
  return next(specifier, context);
}
