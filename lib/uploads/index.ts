/** saveImageUpload: validates an image by content, size and dimensions, stores it, returns its /uploads URL. */
export { saveImageUpload, type SavedImage, type UploadPurpose } from "./images";
/** readUpload / deleteUpload / uploadsDir / UPLOAD_NAME: the stored files behind /uploads/<name>. */
export { readUpload, deleteUpload, uploadsDir, UPLOAD_NAME } from "./store";
/** detectImageType: the image format told by magic bytes (PNG, JPEG, WebP, GIF), or null. */
export { detectImageType, type ImageType } from "./detect";
