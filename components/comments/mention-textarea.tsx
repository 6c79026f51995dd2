"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from "react";

type Suggestion = { id: string; handle: string; name: string; mention?: string };
type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { postId: string; name: string; listLabel: string };

// The "@…" being typed just before the caret: up to 40 characters, spaces allowed inside a
// name ("@Sylvain Di"), never across a line.
function activeQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(«"'])@([\p{L}\p{N}_.' -]{0,40})$/u.exec(before);
  if (!match || match[2]!.startsWith(" ") || / {2}/.test(match[2]!)) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/**
 * MentionTextarea: a textarea whose "@" opens a list of people to mention (the thread's people
 * first), matched without regard to case or accents; arrows, Enter or Tab pick, Escape closes.
 */
export function MentionTextarea({ postId, name, listLabel, ...textarea }: Props) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const url = `/api/v1/posts/${encodeURIComponent(postId)}/mention-suggestions?q=${encodeURIComponent(query.query)}`;
        const response = await fetch(url, { signal: controller.signal });
        if (response.ok) {
          const body = (await response.json()) as { suggestions?: Suggestion[] } | Suggestion[];
          setItems(Array.isArray(body) ? body : (body.suggestions ?? []));
          setActive(0);
        }
      } catch {
        // Aborted or offline: the list simply stays as it was.
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [postId, query]);

  const open = Boolean(query) && items.length > 0;

  function update() {
    const element = ref.current;
    if (!element) return;
    const found = activeQuery(element.value, element.selectionStart ?? 0);
    setQuery(found);
    if (!found) setItems([]);
  }

  function pick(person: Suggestion) {
    const element = ref.current;
    if (!element || !query) return;
    const caret = element.selectionStart ?? element.value.length;
    // The name reads better; the server says when only the handle names this person alone.
    const inserted = `@${person.mention ?? person.name} `;
    element.value = element.value.slice(0, query.start) + inserted + element.value.slice(caret);
    const position = query.start + inserted.length;
    element.setSelectionRange(position, position);
    element.dispatchEvent(new Event("input", { bubbles: true }));
    setQuery(null);
    setItems([]);
    element.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(items[active]!);
    } else if (event.key === "Escape") {
      setQuery(null);
      setItems([]);
    }
  }

  return (
    <div className="mention-field">
      <textarea
        {...textarea}
        ref={ref}
        name={name}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onInput={(event) => {
          update();
          textarea.onInput?.(event);
        }}
        onClick={update}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setItems([]), 150)}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} className="mention-list" hidden={!open}>
        {items.map((person, index) => (
          <li
            key={person.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(person);
            }}
          >
            <strong>{person.name}</strong> <span>@{person.handle}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
