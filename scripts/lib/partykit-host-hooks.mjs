// Module resolution hook (see partykit-host.mjs): partykit's import of "miniflare" gets the
// wrapper in miniflare-host.mjs; everyone else, the wrapper included, gets the real one.
export async function resolve(specifier, context, next) {
  if (specifier === 'miniflare' && context.parentURL?.includes('/node_modules/partykit/')) {
    return { url: new URL('./miniflare-host.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
