import { sql, type Kysely } from 'kysely'

// Accounts and the security audit (issue 9): sign-in throttling per client address and account, idle
// timeout of sessions, and the append-only security audit log (等保 2.0 三级: who signed in, who changed
// what, from where, with what outcome).

/** Days the database keeps audit rows at least, whatever the retention setting says (等保: ≥ 6 months). */
export const MIN_AUDIT_RETENTION_DAYS = 180

export async function up(db: Kysely<unknown>): Promise<void> {
  // 登录限速: failures of one username from one address. Keyed by the name as typed (lower case), whether
  // or not such an account exists, so unknown and known names get the same answers.
  await sql`
    create table login_throttle (
      username text not null,
      address text not null,
      failures integer not null,
      last_failure_at timestamptz not null,
      not_before timestamptz,
      primary key (username, address)
    )`.execute(db)
  await sql`create index login_throttle_last on login_throttle (last_failure_at)`.execute(db)

  // The idle timeout reads the session's last use; it is written at most once a minute per session.
  await sql`alter table user_session add column last_seen_at timestamptz`.execute(db)
  await sql`update user_session set last_seen_at = created_at`.execute(db)
  await sql`alter table user_session alter column last_seen_at set not null`.execute(db)
  await sql`alter table user_session add column address text`.execute(db)
  await sql`alter table app_user add column password_changed_at timestamptz`.execute(db)

  await sql`
    create table security_audit (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor_kind text not null check (actor_kind in ('user', 'api-client', 'anonymous', 'system')),
      actor_id text,
      actor_name text,
      address text,
      action text not null,
      outcome text not null check (outcome in ('success', 'failure', 'denied', 'throttled')),
      target text,
      details jsonb not null default '{}'
    )`.execute(db)
  await sql`create index security_audit_at on security_audit (at, id)`.execute(db)
  await sql`create index security_audit_actor on security_audit (actor_id, id)`.execute(db)
  await sql`create index security_audit_action on security_audit (action, id)`.execute(db)

  // Append-only as case_event is: no update, no truncate, and a delete only of rows past the minimum
  // retention (the retention job's), whoever asks.
  await sql`
    create function security_audit_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and old.at < now() - make_interval(days => ${sql.lit(MIN_AUDIT_RETENTION_DAYS)}) then
        return old;
      end if;
      raise exception 'security_audit is append-only: % refused', tg_op using errcode = '42501';
    end $$`.execute(db)
  await sql`create trigger security_audit_no_change before update or delete on security_audit for each row execute function security_audit_append_only()`.execute(db)
  await sql`create trigger security_audit_no_truncate before truncate on security_audit for each statement execute function security_audit_append_only()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists security_audit`.execute(db)
  await sql`drop function if exists security_audit_append_only()`.execute(db)
  await sql`drop table if exists login_throttle`.execute(db)
  await sql`alter table user_session drop column if exists last_seen_at`.execute(db)
  await sql`alter table user_session drop column if exists address`.execute(db)
  await sql`alter table app_user drop column if exists password_changed_at`.execute(db)
}
