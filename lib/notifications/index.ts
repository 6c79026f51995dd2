/** Notification preferences: kinds, defaults (on), read and write. */
export { PreferencesFormSchema, getPreferences, setPreferences } from "./preferences";
/** planNotifications / audienceKinds: pure; one notice per person and channel, most specific enabled kind, never the actor. */
export { type NotificationDraft } from "./plan";
/** prepareNotifications: the audience of a comment with followers and everyone's preferences applied (reads only). */
export { prepareNotifications } from "./audience";
/** queueCommentMail / flushNotificationMail: notice emails sent after commit, each with one-click unsubscribe. */
export { queueCommentMail, flushNotificationMail } from "./deliver";
/** Unsubscribe links: HMAC tokens of person+kind, their URLs, and the switch-off itself. */
export { verifyUnsubscribeToken, describeUnsubscribe, unsubscribe } from "./unsubscribe";
/** listNotifications / unreadCount / markRead / openNotification: the viewer's own notices only; groupNotifications: a page's notices as lines. */
export {
  listNotifications,
  unreadCount,
  markRead,
  groupNotifications,
  openNotification,
  ListNotificationsQuerySchema,
  MarkReadSchema,
  type NotificationGroup,
} from "./list";
