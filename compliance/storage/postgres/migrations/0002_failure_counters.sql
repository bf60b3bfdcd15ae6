-- Failed authentications counted per subject (address and claimed key id) in fixed windows, shared by
-- every worker and server. Not organisation data: no row-level security.
CREATE TABLE failure_counters (
    subject     text PRIMARY KEY,
    window_end  double precision NOT NULL,  -- seconds since the epoch
    failures    integer NOT NULL
);
CREATE INDEX failure_counters_ended ON failure_counters (window_end);
