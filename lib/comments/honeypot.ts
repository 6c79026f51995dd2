/**
 * HONEYPOT_FIELD: the comment form's trap, a text field people never see (off screen, hidden
 * from screen readers, out of the tab order, no autofill). Bots that fill every field fill it;
 * such a comment is kept as spam, never shown, and its sender is told it awaits moderation.
 * The name is one browsers do not autofill.
 */
export const HONEYPOT_FIELD = "subject_line";
