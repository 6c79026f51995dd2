/** Schemas for people: handle, display name, email, instance role; foldKey for accent-blind matching. */
export { EmailSchema, RESERVED_HANDLES, foldKey } from "./schemas";
/** UpdateProfileSchema: the profile form (handle, name, bio, links). */
export { UpdateProfileSchema } from "./profile-schemas";
/** getPublicProfile / getEditableProfile / updateProfile: profile reads and the one profile write. */
export { getPublicProfile, getEditableProfile, updateProfile } from "./profile";
/** deleteAccount / exportAccount: leaving the instance, and taking one's data along. */
export { deleteAccount, exportAccount } from "./account";
/** setPreferredLocale: the person's chosen interface language, kept on their account (pages and mail follow it). */
export { setPreferredLocale } from "./account";
/** avatarSvg: a generated avatar (initials on a colour derived from the handle). */
export { getAvatarSvg } from "./avatar-service";
