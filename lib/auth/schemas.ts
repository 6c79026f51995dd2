import { z } from "zod";
import { DisplayNameSchema, EmailSchema, PublicHandleSchema } from "@/lib/users/schemas";

/** PasswordSchema: 10 to 200 characters (argon2 gets slow on huge inputs). */
export const PasswordSchema = z.string().min(10, "validation.passwordTooShort").max(200, "validation.passwordTooLong");

export const SignUpSchema = z.object({
  name: DisplayNameSchema,
  handle: PublicHandleSchema,
  email: EmailSchema,
  password: PasswordSchema,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "validation.passwordRequired").max(200, "validation.passwordTooLong"),
});

export const EmailOnlySchema = z.object({ email: EmailSchema });

export const ResetPasswordSchema = z
  .object({ token: z.string().min(10).max(200), password: PasswordSchema, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { message: "validation.passwordsDiffer", path: ["confirm"] });

export const ChangePasswordSchema = z
  .object({ current: z.string().max(200), password: PasswordSchema, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { message: "validation.passwordsDiffer", path: ["confirm"] });
