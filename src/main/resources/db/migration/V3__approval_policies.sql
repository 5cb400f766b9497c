-- Approval policies written by admins (the ready-made ones live in the code), every version kept.
create table approval_policy (
    policy_key  text primary key,
    name        text        not null,
    version     integer     not null,
    document    jsonb       not null,
    changed_at  timestamptz not null,
    changed_by  text        not null,
    change_description text not null
);

create table approval_policy_version (
    policy_key  text        not null references approval_policy (policy_key),
    version     integer     not null,
    document    jsonb       not null,
    changed_at  timestamptz not null,
    changed_by  text        not null,
    change_description text not null,
    primary key (policy_key, version)
);

-- An approver away for a while names someone who decides in their place.
create table approval_delegation (
    id          bigserial primary key,
    approver    text        not null,
    delegate    text        not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz
);
create index approval_delegation_delegate on approval_delegation (delegate, ends_at);
create index approval_delegation_approver on approval_delegation (approver, ends_at);
