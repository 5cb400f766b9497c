-- Provisioning systems: the connections through which Sesame changes group memberships. Settings
-- hold no secret; secrets (passwords, tokens) are one AES-GCM sealed JSON object, never in clear.
-- A system that follows the directory takes url, bind-dn and bind-password from Sesame's own
-- directory connection at run time (the embedded directory's password changes on every start).
create table provisioning_system (
    name              text primary key,
    kind              text        not null,
    settings          jsonb       not null,
    secrets           bytea,
    secret_names      text[]      not null default '{}',
    follows_directory boolean     not null default false,
    version           integer     not null,
    changed_at        timestamptz not null,
    changed_by        text        not null
);
