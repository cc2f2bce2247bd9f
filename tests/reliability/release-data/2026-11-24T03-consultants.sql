-- Representative rows valid at release 2026-11-24T03-consultants (on top of the earlier releases' rows).
insert into match_decisions (id, proposal_id, slot_id, candidate_id, jobcentre_id, source, slot_type, sector, decision, score, decided_by) values
  ('00000000-0000-4000-8000-000000000301', '00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000031',
   '00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000003', 'matcher', 'igu', 'kitchen', 'approved', 81.5,
   '00000000-0000-4000-8000-000000000012');
insert into organisation_verifications (id, organisation_id, action, cvr_checked, contact_confirmed, jobcentre_id, decided_by) values
  ('00000000-0000-4000-8000-000000000302', '00000000-0000-4000-8000-000000000001', 'verified', true, true,
   '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000012');
update placements set started_on = '2027-01-04', created_by = '00000000-0000-4000-8000-000000000012'
  where id = '00000000-0000-4000-8000-000000000051';
insert into placement_follow_ups (id, placement_id, visited_on, note, next_follow_up, recorded_by) values
  ('00000000-0000-4000-8000-000000000303', '00000000-0000-4000-8000-000000000051', '2027-02-01', 'Går godt', '2027-03-01',
   '00000000-0000-4000-8000-000000000012');
insert into placement_milestones (placement_id, kind, due_on) values ('00000000-0000-4000-8000-000000000051', 'bonus_6m', '2027-07-04');
insert into cohorts (id, network_id, sector, title, course_start, course_end, seats, created_by) values
  ('00000000-0000-4000-8000-000000000304', '00000000-0000-4000-8000-000000000004', 'kitchen', 'Branchepakke køkken', '2027-02-01',
   '2027-04-01', 12, '00000000-0000-4000-8000-000000000012');
insert into cohort_members (cohort_id, candidate_id, status, score) values
  ('00000000-0000-4000-8000-000000000304', '00000000-0000-4000-8000-000000000021', 'proposed', 70);
