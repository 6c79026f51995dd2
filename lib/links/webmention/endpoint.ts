// Where this instance receives Webmentions: relative to the article (senders resolve it against
// the page's address), so it never depends on a Host header.
export const WEBMENTION_ENDPOINT = "/api/webmention";
export const WEBMENTION_LINK_HEADER = `<${WEBMENTION_ENDPOINT}>; rel="webmention"`;
