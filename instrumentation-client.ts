import { onNavigation } from "@/components/layout/header-client";

// Next runs this in the browser on every page: the one thing the header does there that needs
// no React (components/layout/header-client), when a client navigation starts.
export const onRouterTransitionStart = onNavigation;
