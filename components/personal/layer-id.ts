/** The id of the JSON data block of a member shell that the server fills with the reader's personal layer (lib/page-cache/splice). */
export const LAYER_ELEMENT_ID = "tribune-personal";

/** The header's blocks that show the reader's own links and counts (components/personal/header-links). */
export const MENU_COUNT_ID = "personal-menu-count";
export const LINKS_ID = "personal-links";
