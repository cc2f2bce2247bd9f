-- Representative rows valid at release 2026-11-24T02-candidates (on top of the earlier releases' rows).
insert into candidate_invitations (id, candidate_id, user_id, token_hash, code_hash, created_by, expires_at) values
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000013',
   'candidate-token-hash', 'candidate-code-hash', '00000000-0000-4000-8000-000000000012', '2026-12-24T00:00:00Z');
insert into mailbox_messages (id, to_address, subject, text_body) values
  ('00000000-0000-4000-8000-000000000202', 'candidate@snapshot.example', 'Velkommen', 'Din invitation');
insert into profile_views (id, candidate_id, viewer_user_id, organisation_id, jobcentre_id) values
  ('00000000-0000-4000-8000-000000000203', '00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000011',
   '00000000-0000-4000-8000-000000000001', null);
