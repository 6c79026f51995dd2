/** Schemas for people: handle, display name, email, instance role; foldKey for accent-blind matching. */
export {
  HandleSchema,
  PublicHandleSchema,
  DisplayNameSchema,
  EmailSchema,
  InstanceRoleSchema,
  RESERVED_HANDLES,
  foldKey,
} from "./schemas";
