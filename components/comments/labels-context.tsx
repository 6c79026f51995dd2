"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { DiscussionLabels } from "./labels";

const LabelsContext = createContext<DiscussionLabels | null>(null);

/** DiscussionLabelsProvider: the discussion's texts, sent to the browser once for the whole thread. */
export function DiscussionLabelsProvider({ labels, children }: { labels: DiscussionLabels; children: ReactNode }) {
  return <LabelsContext.Provider value={labels}>{children}</LabelsContext.Provider>;
}

/** useLabels: the discussion's texts inside a DiscussionLabelsProvider. */
export function useLabels(): DiscussionLabels {
  const labels = useContext(LabelsContext);
  if (!labels) throw new Error("useLabels needs a DiscussionLabelsProvider");
  return labels;
}
