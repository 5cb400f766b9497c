-- Ending access. A grant is ACTIVE until someone (a person, an admin, or Sesame at the planned
-- end) asks for it to end; it is then ENDING (end_requested_*) while the durable job `end-grant`
-- removes the membership; it is ENDED (ended_*) only once the identity system confirmed the
-- removal. A grant can instead be kept UNMANAGED: the membership stays, Sesame no longer manages it.
alter table access_grant
    add column ends_at            timestamptz,
    add column end_requested_at   timestamptz,
    add column end_requested_by   text,
    add column end_reason         text,
    add column end_error          text,
    add column end_reminded_at    timestamptz,
    add column unmanaged_at       timestamptz,
    add column unmanaged_by       text,
    add column unmanaged_reason   text;

-- The sweep that ends grants at their planned end and reminds people before it.
create index access_grant_planned_end on access_grant (ends_at)
    where ends_at is not null and ended_at is null and end_requested_at is null and unmanaged_at is null;
create index access_grant_app on access_grant (app_key, role);
