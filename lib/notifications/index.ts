/** Notification preferences: kinds, defaults (on), read and write. */
export {
  NOTIFICATION_KINDS,
  PreferencesFormSchema,
  getPreferences,
  setPreferences,
  type NotificationKind,
  type Preferences,
} from "./preferences";
/** planNotifications / audienceKinds: pure; one notice per person and channel, most specific enabled kind, never the actor. */
export {
  planNotifications,
  audienceKinds,
  KIND_PRIORITY,
  type NotificationDraft,
  type NotificationAudience,
} from "./plan";
/** prepareNotifications: the audience of a comment with followers and everyone's preferences applied (reads only). */
export { prepareNotifications } from "./audience";
/** queueCommentMail / flushNotificationMail: notice emails sent after commit, each with one-click unsubscribe. */
export { queueCommentMail, flushNotificationMail, type CommentMailJob } from "./deliver";
/** commentNotificationMail: the notice email (pure), in French or English. */
export { commentNotificationMail } from "./mail";
/** Unsubscribe links: HMAC tokens of person+kind, their URLs, and the switch-off itself. */
export {
  unsubscribeToken,
  verifyUnsubscribeToken,
  unsubscribePageUrl,
  oneClickUnsubscribeUrl,
  describeUnsubscribe,
  unsubscribe,
} from "./unsubscribe";
/** listNotifications / unreadCount / markRead / openNotification: the viewer's own notices only; groupNotifications: a page's notices as lines. */
export {
  listNotifications,
  unreadCount,
  markRead,
  groupNotifications,
  openNotification,
  ListNotificationsQuerySchema,
  MarkReadSchema,
  type NotificationItem,
  type NotificationGroup,
} from "./list";
