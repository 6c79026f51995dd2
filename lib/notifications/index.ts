/** Notification preferences: kinds, defaults (on), read and write. */
export {
  NOTIFICATION_KINDS,
  PreferencesFormSchema,
  getPreferences,
  setPreferences,
  type NotificationKind,
  type Preferences,
} from "./preferences";
