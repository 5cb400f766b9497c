-- The Software Catalog: the current entry of each app, and every version it has had.
create table catalog_app (
    app_key            text primary key,
    name               text        not null,
    version            integer     not null,
    archived           boolean     not null default false,
    entry              jsonb       not null,
    changed_at         timestamptz not null,
    changed_by         text        not null,
    change_description text        not null
);

create table catalog_app_version (
    app_key            text        not null references catalog_app (app_key),
    version            integer     not null,
    archived           boolean     not null,
    entry              jsonb       not null,
    changed_at         timestamptz not null,
    changed_by         text        not null,
    change_description text        not null,
    primary key (app_key, version)
);

-- Access requests: one person asking for one app (and role). The approval stages, decisions and
-- history live in the document; the columns are what queries and constraints need.
create table access_request (
    id         uuid primary key,
    requester  text        not null,
    app_key    text        not null,
    app_name   text        not null,
    role       text,
    state      text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    document   jsonb       not null
);

-- At most one open request per person, app and role, whatever the number of nodes.
create unique index access_request_one_open
    on access_request (requester, app_key, coalesce(role, ''))
    where state in ('PENDING_APPROVAL', 'APPROVED', 'PROVISIONING');
create index access_request_requester on access_request (requester, created_at desc);
create index access_request_state on access_request (state);

-- Access a fulfilled request created. Ended, never deleted.
create table access_grant (
    id          bigserial primary key,
    request_id  uuid        not null unique references access_request (id),
    person      text        not null,
    app_key     text        not null,
    role        text,
    system      text        not null,
    external_id text        not null,
    granted_at  timestamptz not null,
    ended_at    timestamptz,
    ended_by    text
);
create index access_grant_person on access_grant (person);

-- The append-only audit trail.
create table audit_event (
    id        bigserial primary key,
    at        timestamptz not null,
    actor     text        not null,
    event     text        not null,
    subject   text        not null,
    details   jsonb       not null
);
create index audit_event_subject on audit_event (subject, id);
create index audit_event_actor on audit_event (actor, id);

-- The assistant: where each person's conversation stands, and what was said.
create table conversation (
    person     text primary key,
    state      jsonb       not null,
    updated_at timestamptz not null
);

create table chat_message (
    id         bigserial primary key,
    person     text        not null,
    author     text        not null,
    body       text        not null,
    created_at timestamptz not null
);
create index chat_message_person on chat_message (person, id);

-- Durable jobs (db-scheduler).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
