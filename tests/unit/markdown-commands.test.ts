import assert from "node:assert/strict";
import { test } from "node:test";
import {
  countWords,
  imageMarkdown,
  linkSelection,
  toggleHeading,
  wrapSelection,
} from "@/components/editor/markdown-commands";

const apply = (value: string, edit: ReturnType<typeof wrapSelection>) => ({
  text: value.slice(0, edit.start) + edit.text + value.slice(edit.end),
  selected: (value.slice(0, edit.start) + edit.text + value.slice(edit.end)).slice(edit.selectStart, edit.selectEnd),
});

test("editor commands: bold and italic wrap the selection, or a selected placeholder", () => {
  assert.deepEqual(apply("a word here", wrapSelection({ value: "a word here", start: 2, end: 6 }, "**", "bold")), {
    text: "a **word** here",
    selected: "word",
  });
  assert.deepEqual(apply("ab", wrapSelection({ value: "ab", start: 1, end: 1 }, "_", "italic")), {
    text: "a_italic_b",
    selected: "italic",
  });
});

test("editor commands: a link selects its address; a heading toggles on the caret's line", () => {
  assert.deepEqual(apply("see this", linkSelection({ value: "see this", start: 4, end: 8 }, "text")), {
    text: "see [this](https://)",
    selected: "https://",
  });
  const value = "one\ntwo\nthree";
  assert.deepEqual(apply(value, toggleHeading({ value, start: 5, end: 5 }, "Heading")), {
    text: "one\n## two\nthree",
    selected: "two",
  });
  const heading = "one\n## two";
  assert.deepEqual(apply(heading, toggleHeading({ value: heading, start: 8, end: 8 }, "Heading")), {
    text: "one\ntwo",
    selected: "two",
  });
  assert.deepEqual(apply("", toggleHeading({ value: "", start: 0, end: 0 }, "Heading")), {
    text: "## Heading",
    selected: "Heading",
  });
});

test("editor commands: an image carries its size; words are counted as a reader reads them", () => {
  assert.equal(
    imageMarkdown("Photo [1].png", { url: "/uploads/a.png", width: 800, height: 600 }),
    "![Photo  1](/uploads/a.png#800x600)",
  );
  assert.equal(countWords(""), 0);
  assert.equal(countWords("## L'été *arrive* — enfin, [voir](https://example.test/a-b-c) 2026"), 5);
  assert.equal(countWords("x".repeat(10) + "](".repeat(50_000)), 1);
});
