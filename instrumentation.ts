// Next.js calls register() once when a server instance starts: the background job runner
// (Webmention verification and sending) starts with it, on the Node.js runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./lib/background");
  startBackgroundWork();
}
