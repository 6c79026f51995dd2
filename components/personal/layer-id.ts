/** The id of the JSON data block of a member shell that the server fills with the reader's personal layer (lib/page-cache/splice). */
export const LAYER_ELEMENT_ID = "tribune-personal";
