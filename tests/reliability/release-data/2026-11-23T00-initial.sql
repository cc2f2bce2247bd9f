-- Representative rows valid at release 2026-11-23T00-initial (loaded into its snapshot by migrations.test.ts).
insert into regions (code, name_da, name_en) values ('DK-83', 'Region Syddanmark', 'Region of Southern Denmark');
insert into municipalities (code, name_da, name_en, region_code, lat, lon) values ('580', 'Aabenraa', 'Aabenraa', 'DK-83', 55.04, 9.42);
insert into postal_codes (code, name, municipality_code, lat, lon) values ('6200', 'Aabenraa', '580', 55.04, 9.42);
insert into skills (uri, kind, labels, synonyms) values
  ('http://data.europa.eu/esco/skill/snap-1', 'skill', '{"da":"opvask","en":"dishwashing","ar":"غسل الصحون","uk":"миття посуду"}', '{"da":["opvasker"]}');
insert into occupations (uri, isco_group, sector, labels) values
  ('http://data.europa.eu/esco/occupation/snap-1', '9412', 'kitchen', '{"da":"køkkenmedhjælper","en":"kitchen assistant","ar":"مساعد مطبخ","uk":"помічник кухаря"}');
insert into occupation_skills (occupation_uri, skill_uri, relation) values
  ('http://data.europa.eu/esco/occupation/snap-1', 'http://data.europa.eu/esco/skill/snap-1', 'essential');
insert into organisations (id, cvr, name, sector, contact_name, contact_email, contact_phone, status, verified_at) values
  ('00000000-0000-4000-8000-000000000001', '12345678', 'Snapshot Køkken ApS', 'kitchen', 'Karen Kontakt', 'karen@snapshot.example', '+45 11 22 33 44', 'verified', '2026-11-01T09:00:00Z');
insert into workplaces (id, organisation_id, p_number, name, address, postal_code, ordinary_employees_fte, ordinary_employees_fte_12m_ago) values
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '1234567890', 'Køkkenet', 'Havnegade 1', '6200', 12.5, 11);
insert into jobcentres (id, municipality_code, name) values ('00000000-0000-4000-8000-000000000003', '580', 'Jobcenter Aabenraa');
insert into jobcentre_networks (id, name) values ('00000000-0000-4000-8000-000000000004', 'Sydjysk netværk');
insert into jobcentre_network_members (network_id, jobcentre_id) values ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003');
insert into users (id, email, password_hash, role, display_name, locale, organisation_id, jobcentre_id) values
  ('00000000-0000-4000-8000-000000000011', 'employer@snapshot.example', '$argon2id$v=19$m=19456,t=2,p=1$c25hcHNob3Q$aGFzaA', 'employer', 'Karen Kontakt', 'da', '00000000-0000-4000-8000-000000000001', null),
  ('00000000-0000-4000-8000-000000000012', 'consultant@snapshot.example', null, 'consultant', 'Carl Konsulent', 'en', null, '00000000-0000-4000-8000-000000000003'),
  ('00000000-0000-4000-8000-000000000013', 'candidate@snapshot.example', null, 'candidate', 'Amal Kandidat', 'ar', null, null);
insert into sessions (id, user_id, expires_at) values ('snapshot-session', '00000000-0000-4000-8000-000000000011', '2027-01-01T00:00:00Z');
insert into candidates (id, user_id, jobcentre_id, status, confirmed_at, full_name, email, phone, birth_date, arrival_date, residence_basis,
    nationality, postal_code, max_travel_km, available_from, hours_per_week, danish_spoken, danish_written, danish_programme, danish_module,
    ambition_occupations, ambition_sectors, ambition_note, waiting_since) values
  ('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000013', '00000000-0000-4000-8000-000000000003', 'active',
   '2026-10-01T10:00:00Z', 'Amal Kandidat', 'candidate@snapshot.example', '+45 55 66 77 88', '1995-03-02', '2023-06-01', 'refugee',
   'SY', '6200', 30, '2026-12-01', 30, 'A2', 'A1', 'DU2', 3,
   '{http://data.europa.eu/esco/occupation/snap-1}', '{kitchen}', 'Vil gerne lave mad', '2026-09-01');
insert into candidate_skills (candidate_id, skill_uri, years, learned_where) values
  ('00000000-0000-4000-8000-000000000021', 'http://data.europa.eu/esco/skill/snap-1', 2.5, 'abroad');
insert into candidate_languages (candidate_id, code, spoken, written, is_mother_tongue) values
  ('00000000-0000-4000-8000-000000000021', 'ar', 'C2', 'C2', true);
insert into candidate_occupations (candidate_id, occupation_uri, years) values
  ('00000000-0000-4000-8000-000000000021', 'http://data.europa.eu/esco/occupation/snap-1', 1);
insert into candidate_employments (id, candidate_id, cvr, kind, start_date, end_date) values
  ('00000000-0000-4000-8000-000000000022', '00000000-0000-4000-8000-000000000021', '87654321', 'praktik', '2024-01-01', '2024-03-01');
insert into slots (id, organisation_id, workplace_id, type, status, title, description, occupation_uri, sector, danish_spoken, languages,
    positions, start_date, weeks, hours_per_week, pay_basis, pooled_network_id, published_at) values
  ('00000000-0000-4000-8000-000000000031', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'igu',
   'published', 'Køkkenmedhjælper (IGU)', 'Opvask og forberedelse', 'http://data.europa.eu/esco/occupation/snap-1', 'kitchen', 'A2', '{ar}',
   1, '2027-01-04', 104, 30, 'IGU-løn efter overenskomst', '00000000-0000-4000-8000-000000000004', '2026-11-10T08:00:00Z');
insert into slot_skills (slot_id, skill_uri, required) values ('00000000-0000-4000-8000-000000000031', 'http://data.europa.eu/esco/skill/snap-1', true);
insert into match_proposals (id, slot_id, candidate_id, source, score, components, reasons, status, decided_by, decided_at) values
  ('00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000031', '00000000-0000-4000-8000-000000000021', 'matcher', 81.5,
   '{"requiredSkills":1}', '["Has all 1 must-have skills"]', 'approved', '00000000-0000-4000-8000-000000000012', '2026-11-12T09:00:00Z');
insert into placements (id, proposal_id, slot_id, candidate_id, type, start_date, end_date, status) values
  ('00000000-0000-4000-8000-000000000051', '00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000031',
   '00000000-0000-4000-8000-000000000021', 'igu', '2027-01-04', '2029-01-01', 'planned');
insert into consents (id, candidate_id, slot_id, organisation_id, granted, recorded_by) values
  ('00000000-0000-4000-8000-000000000061', '00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000031',
   '00000000-0000-4000-8000-000000000001', true, '00000000-0000-4000-8000-000000000013');
insert into audit_log (actor_user_id, action, subject_type, subject_id, details) values
  ('00000000-0000-4000-8000-000000000012', 'proposal.approved', 'match_proposal', '00000000-0000-4000-8000-000000000041', '{"score":81.5}');
insert into search_outbox (index_name, document_id, operation, processed_at) values
  ('slots', '00000000-0000-4000-8000-000000000031', 'upsert', '2026-11-10T08:00:01Z'),
  ('candidates', '00000000-0000-4000-8000-000000000021', 'upsert', null);
