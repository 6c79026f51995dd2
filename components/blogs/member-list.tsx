"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(write)/write/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Avatar } from "@/components/users/avatar";
import type { BlogMember } from "@/lib/blogs";
import { initialFormState } from "@/lib/forms";
import styles from "./blogs-admin.module.css";

const ROLES = ["owner", "author", "moderator"] as const;

/** MemberList: the blog's members, each with a role to change and a button to remove them. */
export function MemberList({ blogId, members, viewerId }: { blogId: string; members: BlogMember[]; viewerId: string }) {
  const t = useTranslations("blogsAdmin");
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">{t("membersTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("person")}</th>
          <th scope="col">{t("role")}</th>
          <th scope="col">{t("actions")}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <MemberRow key={member.userId} blogId={blogId} member={member} isViewer={member.userId === viewerId} />
        ))}
      </tbody>
    </table>
  );
}

function MemberRow({ blogId, member, isViewer }: { blogId: string; member: BlogMember; isViewer: boolean }) {
  const t = useTranslations("blogsAdmin");
  const [roleState, roleAction] = useActionState(changeMemberRoleAction, initialFormState);
  const [removeState, removeAction] = useActionState(removeMemberAction, initialFormState);
  return (
    <tr data-testid={`member-${member.handle}`}>
      <th scope="row">
        <Link href={`/u/${member.handle}`} className={styles.checkbox}>
          <Avatar handle={member.handle} image={member.image} size={24} />
          <span>
            {member.name} <span className="meta">@{member.handle}</span>
            {isViewer ? <span className="meta"> ({t("you")})</span> : null}
          </span>
        </Link>
      </th>
      <td>{t(`roles.${member.role}`)}</td>
      <td>
        <form action={roleAction} className={styles.rowForm}>
          <input type="hidden" name="blogId" value={blogId} />
          <input type="hidden" name="userId" value={member.userId} />
          <label htmlFor={`role-${member.userId}`} className="visually-hidden">
            {t("roleOf", { name: member.name })}
          </label>
          <select id={`role-${member.userId}`} name="role" defaultValue={member.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
          <SubmitButton className="button button--secondary">
            <span aria-hidden="true">{t("changeRole")}</span>
            <span className="visually-hidden">{t("changeRoleOf", { name: member.name })}</span>
          </SubmitButton>
          <FormMessage state={roleState} success={t("roleChanged")} />
        </form>
        <form action={removeAction} className={styles.rowForm}>
          <input type="hidden" name="blogId" value={blogId} />
          <input type="hidden" name="userId" value={member.userId} />
          <SubmitButton className="button button--danger">
            <span aria-hidden="true">{t("remove")}</span>
            <span className="visually-hidden">{t("removeMember", { name: member.name })}</span>
          </SubmitButton>
          <FormMessage state={removeState} />
        </form>
      </td>
    </tr>
  );
}
