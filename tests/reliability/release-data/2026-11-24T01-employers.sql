-- Representative rows valid at release 2026-11-24T01-employers (on top of the earlier releases' rows).
insert into organisation_invitations (id, organisation_id, email, token_hash, invited_by, expires_at) values
  ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000001', 'colleague@snapshot.example', 'invitation-hash',
   '00000000-0000-4000-8000-000000000011', '2026-12-01T00:00:00Z');
insert into api_keys (id, organisation_id, name, prefix, hash, created_by) values
  ('00000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000001', 'ATS', 'abcdefgh1234', 'api-key-hash',
   '00000000-0000-4000-8000-000000000011');
insert into employer_decisions (proposal_id, decision, note, decided_by) values
  ('00000000-0000-4000-8000-000000000041', 'invite', 'Samtale tirsdag', '00000000-0000-4000-8000-000000000011');
