// Scripts and tests run lib/ code outside Next's server bundle, where `server-only`
// throws by design. They are server code all the same: resolve the marker to nothing.
// A CSS module (components that render HTML strings read class names from one) is, outside
// Next's bundler, its class names as written: `styles.comment` is "comment".
const CSS_MODULE = "data:text/javascript,export default new Proxy({}, { get: (_, name) => String(name) });";

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  if (specifier.endsWith(".module.css")) return { url: CSS_MODULE, shortCircuit: true };
  return nextResolve(specifier, context);
}
