-- Representative rows valid at release 2026-11-24T04-privacy (on top of the earlier releases' rows).
insert into erasure_requests (id, candidate_id, jobcentre_id, requested_by, requested_via, deadline) values
  ('00000000-0000-4000-8000-000000000401', '00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000003',
   '00000000-0000-4000-8000-000000000012', 'consultant', '2027-02-01');
insert into erased_candidates (id, jobcentre_id) values ('00000000-0000-4000-8000-000000000402', '00000000-0000-4000-8000-000000000003');
insert into erased_placements (id, erased_candidate_id, jobcentre_id, slot_id, type, sector, status, outcome, created_at) values
  ('00000000-0000-4000-8000-000000000403', '00000000-0000-4000-8000-000000000402', '00000000-0000-4000-8000-000000000003',
   '00000000-0000-4000-8000-000000000031', 'igu', 'kitchen', 'completed', 'ordinary_job', '2026-10-01T08:00:00Z');
