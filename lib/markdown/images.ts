import type { Element } from "hast";

// Image dimensions, so the browser reserves the space and the page does not jump while loading:
//   ![Alt](/uploads/photo.jpg#800x600)             size in the URL fragment (`#=800x600` too)
//   ![Alt](/uploads/photo.jpg "A caption =800x600") size at the end of the title
// The fragment or the size is removed from what is rendered; other fragments and titles stay.
const sizeInFragment = /#=?(\d{1,5})x(\d{1,5})$/;
const sizeInTitle = /(?:^|\s+)=(\d{1,5})x(\d{1,5})$/;

/** sizeImages: lazy, async-decoded images with width and height when the author gave them. */
export function sizeImages(images: Element[]): void {
  for (const node of images) {
    const { src, title } = node.properties;
    let size: RegExpExecArray | null = null;
    if (typeof src === "string" && (size = sizeInFragment.exec(src))) {
      node.properties.src = src.slice(0, size.index);
    } else if (typeof title === "string" && (size = sizeInTitle.exec(title))) {
      const rest = title.slice(0, size.index);
      if (rest) node.properties.title = rest;
      else delete node.properties.title;
    }
    if (size && Number(size[1]) > 0 && Number(size[2]) > 0) {
      node.properties.width = Number(size[1]);
      node.properties.height = Number(size[2]);
    }
    node.properties.loading = "lazy";
    node.properties.decoding = "async";
  }
}
