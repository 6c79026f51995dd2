/** internalPostPath: the { blog, post } slugs of a link to an article of this instance, or null. */
export { internalPostPath } from "./internal";
