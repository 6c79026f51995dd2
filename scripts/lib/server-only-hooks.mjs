// Scripts and tests run lib/ code outside Next's server bundle, where `server-only`
// throws by design. They are server code all the same: resolve the marker to nothing.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return nextResolve(specifier, context);
}
