/** A text edit on a textarea: replace [start, end) with `text`, then select [selectStart, selectEnd). */
export type TextEdit = { start: number; end: number; text: string; selectStart: number; selectEnd: number };

type Selection = { value: string; start: number; end: number };

/** wrapSelection: `**bold**`, `_italic_`: wraps the selection (or a placeholder, selected) in `mark`. */
export function wrapSelection({ value, start, end }: Selection, mark: string, placeholder: string): TextEdit {
  const inner = value.slice(start, end) || placeholder;
  return {
    start,
    end,
    text: `${mark}${inner}${mark}`,
    selectStart: start + mark.length,
    selectEnd: start + mark.length + inner.length,
  };
}

/** linkSelection: `[selection](https://)` with the address selected, ready to be typed over. */
export function linkSelection({ value, start, end }: Selection, placeholder: string): TextEdit {
  const label = value.slice(start, end) || placeholder;
  const url = "https://";
  const at = start + label.length + 3;
  return { start, end, text: `[${label}](${url})`, selectStart: at, selectEnd: at + url.length };
}

/** toggleHeading: the current line becomes a level-2 heading, or back to a paragraph if it was one. */
export function toggleHeading({ value, start }: Selection, placeholder: string): TextEdit {
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  const newline = value.indexOf("\n", start);
  const lineEnd = newline === -1 ? value.length : newline;
  const line = value.slice(lineStart, lineEnd);
  const bare = line.replace(/^#{1,6}[ \t]+/, "");
  if (bare !== line) {
    return { start: lineStart, end: lineEnd, text: bare, selectStart: lineStart, selectEnd: lineStart + bare.length };
  }
  const content = bare || placeholder;
  return {
    start: lineStart,
    end: lineEnd,
    text: `## ${content}`,
    selectStart: lineStart + 3,
    selectEnd: lineStart + 3 + content.length,
  };
}

/** imageMarkdown: an uploaded image with its size in the fragment, which the pipeline turns into width and height. */
export function imageMarkdown(alt: string, image: { url: string; width: number; height: number }): string {
  const safeAlt = alt
    .replace(/\.[a-z0-9]+$/i, "")
    .replace(/[[\]\\\n]/g, " ")
    .trim();
  return `![${safeAlt}](${image.url}#${image.width}x${image.height})`;
}

/** countWords: words of the text as a reader counts them (markdown marks and link addresses aside). */
export function countWords(markdown: string): number {
  // Link and image addresses are not words; a token at a time, so the scan stays linear.
  const text = markdown.replace(/\]\([^)\s]*\)?/g, " ").replace(/[#>*_`~|[\]()-]+/g, " ");
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
