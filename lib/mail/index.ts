import "server-only";

/** sendMail: delivers through SMTP_URL, or writes an .eml to OUTBOX_DIR (also when SMTP fails); never loses a mail. */
export { sendMail } from "./transport";
/** closeMailTransports: closes the cached SMTP transporters so a process can exit. */
export { closeMailTransports } from "./transport";
/** renderMail: the shared layout; plain text with the link alone on its line, HTML with every value escaped. */
export { renderMail } from "./templates";
/** verifyEmailMail: "confirm your address" for a new account, in French or English. */
export { verifyEmailMail } from "./templates";
/** magicLinkMail: a sign-in link for the instance's host, in French or English. */
export { magicLinkMail } from "./templates";
/** resetPasswordMail: a link to choose a new password, in French or English. */
export { resetPasswordMail } from "./templates";
/** changeEmailMail: sent to the new address to confirm an address change, in French or English. */
export { changeEmailMail } from "./templates";
/** setupLinkMail: the first sign-in link of an administrator created from the command line. */
export { setupLinkMail } from "./templates";
/** MailContent: a rendered mail ({ subject, text, html }). */
export type { MailContent } from "./templates";
