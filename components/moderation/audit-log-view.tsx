import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditLogEntry } from "@/lib/moderation";
import { AuditEntries } from "./audit-entries";
import styles from "./sanctions.module.css";

type AuditQuery = {
  action?: string;
  actor?: string;
  subject?: string;
  blog?: string;
  from?: string;
  to?: string;
  cursor?: string;
};

type Props = {
  /** The page's own path, e.g. /write/carnet/moderation/log. */
  basePath: string;
  /** The CSV export's path (same filters). */
  csvPath: string;
  query: AuditQuery;
  entries: AuditLogEntry[];
  actions: string[];
  nextCursor: string | null;
  /** The instance log filters by blog and shows each entry's blog. */
  instance?: boolean;
  personHref?: (subjectId: string) => string | null;
  error?: string | null;
};

const FILTERS = ["action", "actor", "subject", "blog", "from", "to"] as const;

function withQuery(path: string, query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * AuditLogView: the filters (a plain GET form), the entries, "older" paging on the keyset and
 * the CSV export of the same filters.
 */
export async function AuditLogView(props: Props) {
  const t = await getTranslations("auditLog");
  const { query, instance } = props;
  const filters = Object.fromEntries(FILTERS.map((key) => [key, query[key]])) as AuditQuery;
  const kinds = [...new Set(props.actions.map((action) => action.split(".")[0]!))];
  return (
    <div className="stack-lg">
      <form method="get" action={props.basePath} className={`${styles.filters} notice`} aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="log-action">{t("actionLabel")}</label>
          <select id="log-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">{t("anyAction")}</option>
            {kinds.map((kind) => (
              <optgroup key={kind} label={kind}>
                <option value={kind}>{t("allOf", { kind })}</option>
                {props.actions
                  .filter((action) => action.startsWith(`${kind}.`))
                  .map((action) => (
                    <option key={action} value={action}>
                      {action}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-actor">{t("actorLabel")}</label>
          <input id="log-actor" name="actor" defaultValue={query.actor ?? ""} maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="log-subject">{t("subjectLabel")}</label>
          <input id="log-subject" name="subject" defaultValue={query.subject ?? ""} maxLength={80} />
        </div>
        {instance ? (
          <div className="field">
            <label htmlFor="log-blog">{t("blogLabel")}</label>
            <input id="log-blog" name="blog" defaultValue={query.blog ?? ""} maxLength={80} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="log-from">{t("fromLabel")}</label>
          <input id="log-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="log-to">{t("toLabel")}</label>
          <input id="log-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button">
            {t("apply")}
          </button>
          <Link href={props.basePath}>{t("reset")}</Link>
        </div>
      </form>
      {props.error ? (
        <p className="form-message form-message--error" role="alert">
          {props.error}
        </p>
      ) : null}
      <p className={styles.actions}>
        <a href={withQuery(props.csvPath, filters)} download>
          {t("exportCsv")}
        </a>
        <span className="meta">{t("hint")}</span>
      </p>
      <AuditEntries entries={props.entries} showBlog={instance} personHref={props.personHref} />
      <nav aria-label={t("paging")} className={styles.actions}>
        {query.cursor ? <Link href={withQuery(props.basePath, filters)}>{t("newest")}</Link> : null}
        {props.nextCursor ? (
          <Link rel="next" href={withQuery(props.basePath, { ...filters, cursor: props.nextCursor })}>
            {t("older")} →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
