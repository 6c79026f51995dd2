/** saveImageUpload: validates an image by content, size and dimensions, stores it, returns its /uploads URL. */
export { saveImageUpload } from "./images";
/** readUpload / deleteUpload / uploadsDir / UPLOAD_NAME: the stored files behind /uploads/<name>. */
export { readUpload, deleteUpload } from "./store";
