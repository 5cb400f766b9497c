-- Durable jobs that failed: one row per run of failures of one job. While the job is retried the
-- row counts the attempts (gave_up_at is null); when the job gave up it is on the dead-letter list
-- until an admin retries it or gives it up for good (resolution). A job that succeeds after some
-- failures leaves no row. Rows are resolved, never deleted once the job gave up.
create table dead_job (
    id              bigserial primary key,
    task_name       text        not null,
    task_instance   text        not null,
    attempts        integer     not null,
    last_error      text        not null,
    first_failed_at timestamptz not null,
    last_failed_at  timestamptz not null,
    gave_up_at      timestamptz,
    resolution      text check (resolution in ('retried', 'given-up')),
    resolved_by     text,
    resolved_at     timestamptz,
    note            text        not null default ''
);

-- One open row per job, whatever the number of nodes: a failure recorded twice updates it.
create unique index dead_job_one_open on dead_job (task_name, task_instance) where resolved_at is null;
create index dead_job_open on dead_job (gave_up_at) where resolved_at is null and gave_up_at is not null;
