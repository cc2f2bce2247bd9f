-- Representative rows valid at release 2026-11-24T06-rate-limits (on top of the earlier releases' rows).
insert into rate_limits (key, points, expires_at) values ('login:ip:192.0.2.10', 3, '2027-01-01T00:15:00Z');
