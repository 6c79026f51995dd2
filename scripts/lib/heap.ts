// The server's processes get a bounded JavaScript heap (SERVER_HEAP_MB): V8 otherwise grows its
// heap while the machine has memory to spare, and a worker that has served every page of a
// 10,000-comment discussion holds a gigabyte of garbage it has no reason to collect. With the
// bound, it collects sooner and stays within what the README's sizing counts per worker.

/** withHeapBound: NODE_OPTIONS with the heap bound added (node:cluster workers inherit it). */
export function withHeapBound(nodeOptions: string | undefined, megabytes: number): string {
  const others = (nodeOptions ?? "").replace(/--max-old-space-size=\S*/g, "").trim();
  return [others, `--max-old-space-size=${megabytes}`].filter(Boolean).join(" ");
}
