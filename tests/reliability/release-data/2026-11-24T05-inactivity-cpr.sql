-- Representative rows valid at release 2026-11-24T05-inactivity-cpr (on top of the earlier releases' rows).
insert into candidate_cprs (candidate_id, cpr_ciphertext, cpr_lookup_hash, created_by) values
  ('00000000-0000-4000-8000-000000000021', 'v1.aXYxMjM0NTY3ODkw.Y2lwaGVydGV4dA.dGFn', 'b2f0c7e1a9d34c5e8f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e',
   '00000000-0000-4000-8000-000000000012');
