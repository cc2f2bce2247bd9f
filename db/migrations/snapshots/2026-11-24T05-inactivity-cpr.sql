-- Jobbro schema at release 2026-11-24T05-inactivity-cpr: a fresh database migrated through
-- 2026-11-23T00-initial, 2026-11-24T01-employers, 2026-11-24T02-candidates, 2026-11-24T03-consultants, 2026-11-24T04-privacy, 2026-11-24T05-inactivity-cpr.
-- Written once by scripts/snapshot-schema.ts; frozen history, never regenerated.

--
-- PostgreSQL database dump
--

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    name text NOT NULL,
    prefix text NOT NULL,
    hash text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    CONSTRAINT api_keys_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100))),
    CONSTRAINT api_keys_prefix_check CHECK ((prefix ~ '^[a-z0-9]{8,16}$'::text))
);

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor_user_id uuid,
    action text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL
);

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;

--
-- Name: candidate_cprs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_cprs (
    candidate_id uuid NOT NULL,
    cpr_ciphertext text NOT NULL,
    cpr_lookup_hash text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: candidate_employments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_employments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    candidate_id uuid NOT NULL,
    cvr text NOT NULL,
    kind text NOT NULL,
    start_date date NOT NULL,
    end_date date,
    CONSTRAINT candidate_employments_check CHECK (((end_date IS NULL) OR (end_date >= start_date))),
    CONSTRAINT candidate_employments_cvr_check CHECK ((cvr ~ '^[0-9]{8}$'::text)),
    CONSTRAINT candidate_employments_kind_check CHECK ((kind = ANY (ARRAY['ordinary'::text, 'praktik'::text, 'loentilskud'::text, 'igu'::text])))
);

--
-- Name: candidate_invitations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_invitations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    candidate_id uuid NOT NULL,
    user_id uuid NOT NULL,
    token_hash text NOT NULL,
    code_hash text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone
);

--
-- Name: candidate_languages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_languages (
    candidate_id uuid NOT NULL,
    code text NOT NULL,
    spoken text NOT NULL,
    written text,
    is_mother_tongue boolean DEFAULT false NOT NULL,
    evidence text DEFAULT 'self_reported'::text NOT NULL,
    CONSTRAINT candidate_languages_code_check CHECK ((code ~ '^[a-z]{2,3}(-[a-z]{2,4})?$'::text)),
    CONSTRAINT candidate_languages_evidence_check CHECK ((evidence = ANY (ARRAY['self_reported'::text, 'module_test'::text, 'official_test'::text]))),
    CONSTRAINT candidate_languages_spoken_check CHECK ((spoken = ANY (ARRAY['A1'::text, 'A2'::text, 'B1'::text, 'B2'::text, 'C1'::text, 'C2'::text]))),
    CONSTRAINT candidate_languages_written_check CHECK ((written = ANY (ARRAY['A1'::text, 'A2'::text, 'B1'::text, 'B2'::text, 'C1'::text, 'C2'::text])))
);

--
-- Name: candidate_occupations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_occupations (
    candidate_id uuid NOT NULL,
    occupation_uri text NOT NULL,
    years numeric(4,1),
    CONSTRAINT candidate_occupations_years_check CHECK (((years >= (0)::numeric) AND (years <= (60)::numeric)))
);

--
-- Name: candidate_skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidate_skills (
    candidate_id uuid NOT NULL,
    skill_uri text NOT NULL,
    years numeric(4,1),
    learned_where text,
    CONSTRAINT candidate_skills_learned_where_check CHECK ((learned_where = ANY (ARRAY['denmark'::text, 'abroad'::text, 'informal'::text]))),
    CONSTRAINT candidate_skills_years_check CHECK (((years >= (0)::numeric) AND (years <= (60)::numeric)))
);

--
-- Name: candidates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid,
    jobcentre_id uuid NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    confirmed_at timestamp with time zone,
    full_name text NOT NULL,
    email text,
    phone text,
    birth_date date NOT NULL,
    arrival_date date NOT NULL,
    residence_basis text NOT NULL,
    gender text,
    nationality text,
    postal_code text NOT NULL,
    max_travel_km integer DEFAULT 25 NOT NULL,
    available_from date NOT NULL,
    hours_per_week integer,
    driving_licence boolean DEFAULT false NOT NULL,
    danish_spoken text,
    danish_written text,
    danish_programme text,
    danish_module integer,
    danish_test text,
    danish_evidence text,
    ambition_occupations text[] DEFAULT '{}'::text[] NOT NULL,
    ambition_sectors text[] DEFAULT '{}'::text[] NOT NULL,
    ambition_note text,
    education text,
    waiting_since date DEFAULT CURRENT_DATE NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_active_at timestamp with time zone DEFAULT now() NOT NULL,
    inactivity_flagged_at timestamp with time zone,
    inactivity_mailed_at timestamp with time zone,
    archived_at timestamp with time zone,
    CONSTRAINT candidates_danish_evidence_check CHECK ((danish_evidence = ANY (ARRAY['self_reported'::text, 'module_test'::text, 'official_test'::text]))),
    CONSTRAINT candidates_danish_module_check CHECK (((danish_module >= 0) AND (danish_module <= 6))),
    CONSTRAINT candidates_danish_programme_check CHECK ((danish_programme = ANY (ARRAY['DU1'::text, 'DU2'::text, 'DU3'::text]))),
    CONSTRAINT candidates_danish_spoken_check CHECK ((danish_spoken = ANY (ARRAY['A1'::text, 'A2'::text, 'B1'::text, 'B2'::text, 'C1'::text, 'C2'::text]))),
    CONSTRAINT candidates_danish_test_check CHECK ((danish_test = ANY (ARRAY['PD1'::text, 'PD2'::text, 'PD3'::text, 'STUDIEPROEVEN'::text]))),
    CONSTRAINT candidates_danish_written_check CHECK ((danish_written = ANY (ARRAY['A1'::text, 'A2'::text, 'B1'::text, 'B2'::text, 'C1'::text, 'C2'::text]))),
    CONSTRAINT candidates_hours_per_week_check CHECK (((hours_per_week >= 1) AND (hours_per_week <= 60))),
    CONSTRAINT candidates_max_travel_km_check CHECK (((max_travel_km >= 0) AND (max_travel_km <= 300))),
    CONSTRAINT candidates_residence_basis_check CHECK ((residence_basis = ANY (ARRAY['refugee'::text, 'family_reunified_refugee'::text, 'family_reunified_other'::text, 'ukraine_special_law'::text, 'other'::text]))),
    CONSTRAINT candidates_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'active'::text, 'inactive'::text, 'archived'::text])))
);

--
-- Name: cohort_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cohort_members (
    cohort_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    status text DEFAULT 'proposed'::text NOT NULL,
    score double precision,
    reject_reason text,
    decided_by uuid,
    decided_at timestamp with time zone,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT cohort_members_check CHECK (((status = 'rejected'::text) = (reject_reason IS NOT NULL))),
    CONSTRAINT cohort_members_reject_reason_check CHECK ((reject_reason = ANY (ARRAY['skills'::text, 'danish_too_low'::text, 'not_ready'::text, 'candidate_declined'::text, 'employer_unsuitable'::text, 'distance'::text, 'other'::text]))),
    CONSTRAINT cohort_members_status_check CHECK ((status = ANY (ARRAY['proposed'::text, 'approved'::text, 'rejected'::text])))
);

--
-- Name: cohorts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cohorts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    network_id uuid NOT NULL,
    sector text NOT NULL,
    title text NOT NULL,
    course_start date NOT NULL,
    course_end date NOT NULL,
    seats integer NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT cohorts_check CHECK ((course_end >= course_start)),
    CONSTRAINT cohorts_seats_check CHECK (((seats >= 1) AND (seats <= 200))),
    CONSTRAINT cohorts_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);

--
-- Name: consents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    candidate_id uuid NOT NULL,
    slot_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    granted boolean NOT NULL,
    scope text DEFAULT 'name_contact'::text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_by uuid,
    revoked_at timestamp with time zone
);

--
-- Name: employer_decisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.employer_decisions (
    proposal_id uuid NOT NULL,
    decision text NOT NULL,
    reason text,
    note text,
    decided_by uuid,
    decided_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT employer_decisions_check CHECK (((decision <> 'decline'::text) OR (reason IS NOT NULL))),
    CONSTRAINT employer_decisions_decision_check CHECK ((decision = ANY (ARRAY['invite'::text, 'decline'::text]))),
    CONSTRAINT employer_decisions_reason_check CHECK ((reason = ANY (ARRAY['skills'::text, 'danish'::text, 'availability'::text, 'position_filled'::text, 'other'::text])))
);

--
-- Name: erased_candidates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.erased_candidates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    jobcentre_id uuid
);

--
-- Name: erased_placements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.erased_placements (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    erased_candidate_id uuid,
    jobcentre_id uuid,
    slot_id uuid,
    type text NOT NULL,
    sector text,
    status text NOT NULL,
    outcome text,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT erased_placements_outcome_check CHECK ((outcome = ANY (ARRAY['ordinary_job'::text, 'education'::text, 'back_to_programme'::text]))),
    CONSTRAINT erased_placements_status_check CHECK ((status = ANY (ARRAY['planned'::text, 'started'::text, 'ended_early'::text, 'completed'::text]))),
    CONSTRAINT erased_placements_type_check CHECK ((type = ANY (ARRAY['igu'::text, 'praktik'::text, 'loentilskud'::text])))
);

--
-- Name: erasure_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.erasure_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    candidate_id uuid,
    jobcentre_id uuid NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    requested_by uuid,
    requested_via text NOT NULL,
    deadline date NOT NULL,
    status text DEFAULT 'requested'::text NOT NULL,
    handled_by uuid,
    handled_at timestamp with time zone,
    CONSTRAINT erasure_requests_check CHECK (((status = 'requested'::text) = (handled_at IS NULL))),
    CONSTRAINT erasure_requests_requested_via_check CHECK ((requested_via = ANY (ARRAY['candidate'::text, 'consultant'::text]))),
    CONSTRAINT erasure_requests_status_check CHECK ((status = ANY (ARRAY['requested'::text, 'completed'::text, 'cancelled'::text])))
);

--
-- Name: jobcentre_network_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobcentre_network_members (
    network_id uuid NOT NULL,
    jobcentre_id uuid NOT NULL
);

--
-- Name: jobcentre_networks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobcentre_networks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL
);

--
-- Name: jobcentres; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobcentres (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    municipality_code text NOT NULL,
    name text NOT NULL
);

--
-- Name: kysely_migration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kysely_migration (
    name character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL
);

--
-- Name: kysely_migration_lock; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kysely_migration_lock (
    id character varying(255) NOT NULL,
    is_locked integer DEFAULT 0 NOT NULL
);

--
-- Name: mailbox_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mailbox_messages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    to_address text NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: match_decisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.match_decisions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    proposal_id uuid,
    slot_id uuid,
    candidate_id uuid,
    jobcentre_id uuid,
    source text NOT NULL,
    slot_type text NOT NULL,
    sector text,
    decision text NOT NULL,
    reject_reason text,
    note text,
    score double precision,
    components jsonb DEFAULT '{}'::jsonb NOT NULL,
    reasons jsonb DEFAULT '[]'::jsonb NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone DEFAULT now() NOT NULL,
    erased_candidate_id uuid,
    CONSTRAINT match_decisions_check CHECK (((decision = 'rejected'::text) = (reject_reason IS NOT NULL))),
    CONSTRAINT match_decisions_check1 CHECK (((reject_reason IS DISTINCT FROM 'other'::text) OR (length(COALESCE(note, ''::text)) > 0))),
    CONSTRAINT match_decisions_decision_check CHECK ((decision = ANY (ARRAY['approved'::text, 'rejected'::text]))),
    CONSTRAINT match_decisions_reject_reason_check CHECK ((reject_reason = ANY (ARRAY['skills'::text, 'danish_too_low'::text, 'not_ready'::text, 'candidate_declined'::text, 'employer_unsuitable'::text, 'distance'::text, 'other'::text]))),
    CONSTRAINT match_decisions_slot_type_check CHECK ((slot_type = ANY (ARRAY['igu'::text, 'praktik'::text, 'loentilskud'::text]))),
    CONSTRAINT match_decisions_source_check CHECK ((source = ANY (ARRAY['matcher'::text, 'interest'::text])))
);

--
-- Name: match_proposals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.match_proposals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slot_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    source text DEFAULT 'matcher'::text NOT NULL,
    score double precision,
    components jsonb DEFAULT '{}'::jsonb NOT NULL,
    reasons jsonb DEFAULT '[]'::jsonb NOT NULL,
    computed_at timestamp with time zone DEFAULT now() NOT NULL,
    status text DEFAULT 'proposed'::text NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone,
    reject_reason text,
    decision_note text,
    CONSTRAINT match_proposals_check CHECK (((status = ANY (ARRAY['approved'::text, 'rejected'::text])) = (decided_at IS NOT NULL))),
    CONSTRAINT match_proposals_check1 CHECK (((status <> 'rejected'::text) OR (reject_reason IS NOT NULL))),
    CONSTRAINT match_proposals_reject_reason_check CHECK ((reject_reason = ANY (ARRAY['skills'::text, 'danish_too_low'::text, 'not_ready'::text, 'candidate_declined'::text, 'employer_unsuitable'::text, 'distance'::text, 'other'::text]))),
    CONSTRAINT match_proposals_source_check CHECK ((source = ANY (ARRAY['matcher'::text, 'interest'::text]))),
    CONSTRAINT match_proposals_status_check CHECK ((status = ANY (ARRAY['proposed'::text, 'approved'::text, 'rejected'::text, 'stale'::text])))
);

--
-- Name: municipalities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.municipalities (
    code text NOT NULL,
    name_da text NOT NULL,
    name_en text NOT NULL,
    region_code text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    CONSTRAINT municipalities_code_check CHECK ((code ~ '^[0-9]{3}$'::text))
);

--
-- Name: occupation_skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.occupation_skills (
    occupation_uri text NOT NULL,
    skill_uri text NOT NULL,
    relation text NOT NULL,
    CONSTRAINT occupation_skills_relation_check CHECK ((relation = ANY (ARRAY['essential'::text, 'optional'::text])))
);

--
-- Name: occupations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.occupations (
    uri text NOT NULL,
    isco_group text NOT NULL,
    sector text NOT NULL,
    labels jsonb NOT NULL,
    synonyms jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT occupations_isco_group_check CHECK ((isco_group ~ '^[0-9]{4}$'::text)),
    CONSTRAINT occupations_uri_check CHECK ((uri ~ '^http://data\.europa\.eu/esco/occupation/'::text))
);

--
-- Name: organisation_invitations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_invitations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    email text NOT NULL,
    token_hash text NOT NULL,
    invited_by uuid,
    expires_at timestamp with time zone NOT NULL,
    accepted_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organisation_invitations_email_check CHECK (((email = lower(email)) AND (email ~~ '%_@_%'::text)))
);

--
-- Name: organisation_verifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation_verifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    action text NOT NULL,
    cvr_checked boolean NOT NULL,
    contact_confirmed boolean NOT NULL,
    note text,
    jobcentre_id uuid,
    decided_by uuid,
    decided_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organisation_verifications_action_check CHECK ((action = ANY (ARRAY['verified'::text, 'suspended'::text]))),
    CONSTRAINT organisation_verifications_check CHECK (((action <> 'verified'::text) OR (cvr_checked AND contact_confirmed))),
    CONSTRAINT organisation_verifications_check1 CHECK (((action <> 'suspended'::text) OR (length(COALESCE(note, ''::text)) > 0)))
);

--
-- Name: organisations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    cvr text NOT NULL,
    name text NOT NULL,
    sector text,
    is_private boolean DEFAULT true NOT NULL,
    contact_name text NOT NULL,
    contact_email text NOT NULL,
    contact_phone text,
    status text DEFAULT 'unverified'::text NOT NULL,
    verified_at timestamp with time zone,
    verified_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organisations_cvr_check CHECK ((cvr ~ '^[0-9]{8}$'::text)),
    CONSTRAINT organisations_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT organisations_status_check CHECK ((status = ANY (ARRAY['unverified'::text, 'verified'::text, 'suspended'::text])))
);

--
-- Name: placement_follow_ups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.placement_follow_ups (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    placement_id uuid NOT NULL,
    visited_on date NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    next_follow_up date,
    recorded_by uuid,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT placement_follow_ups_check CHECK (((next_follow_up IS NULL) OR (next_follow_up > visited_on)))
);

--
-- Name: placement_milestones; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.placement_milestones (
    placement_id uuid NOT NULL,
    kind text NOT NULL,
    due_on date NOT NULL,
    done_on date,
    note text,
    recorded_by uuid,
    CONSTRAINT placement_milestones_kind_check CHECK ((kind = ANY (ARRAY['school_part'::text, 'bonus_6m'::text, 'bonus_24m'::text])))
);

--
-- Name: placements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.placements (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    proposal_id uuid,
    slot_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    type text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    status text DEFAULT 'planned'::text NOT NULL,
    ended_reason text,
    outcome text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_on date,
    ended_on date,
    outcome_on date,
    created_by uuid,
    CONSTRAINT placements_check CHECK ((end_date >= start_date)),
    CONSTRAINT placements_outcome_check CHECK ((outcome = ANY (ARRAY['ordinary_job'::text, 'education'::text, 'back_to_programme'::text]))),
    CONSTRAINT placements_status_check CHECK ((status = ANY (ARRAY['planned'::text, 'started'::text, 'ended_early'::text, 'completed'::text]))),
    CONSTRAINT placements_type_check CHECK ((type = ANY (ARRAY['igu'::text, 'praktik'::text, 'loentilskud'::text])))
);

--
-- Name: postal_codes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.postal_codes (
    code text NOT NULL,
    name text NOT NULL,
    municipality_code text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    CONSTRAINT postal_codes_code_check CHECK ((code ~ '^[0-9]{4}$'::text)),
    CONSTRAINT postal_codes_lat_check CHECK (((lat >= (54)::double precision) AND (lat <= (58.5)::double precision))),
    CONSTRAINT postal_codes_lon_check CHECK (((lon >= (7.5)::double precision) AND (lon <= (15.5)::double precision)))
);

--
-- Name: profile_views; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profile_views (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    candidate_id uuid NOT NULL,
    viewer_user_id uuid,
    organisation_id uuid,
    jobcentre_id uuid,
    viewed_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: regions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.regions (
    code text NOT NULL,
    name_da text NOT NULL,
    name_en text NOT NULL,
    CONSTRAINT regions_code_check CHECK ((code ~ '^DK-8[1-5]$'::text))
);

--
-- Name: search_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_outbox (
    id bigint NOT NULL,
    index_name text NOT NULL,
    document_id text NOT NULL,
    operation text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    processed_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    CONSTRAINT search_outbox_index_name_check CHECK ((index_name = ANY (ARRAY['candidates'::text, 'slots'::text]))),
    CONSTRAINT search_outbox_operation_check CHECK ((operation = ANY (ARRAY['upsert'::text, 'delete'::text])))
);

--
-- Name: search_outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.search_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: search_outbox_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.search_outbox_id_seq OWNED BY public.search_outbox.id;

--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id text NOT NULL,
    user_id uuid NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.skills (
    uri text NOT NULL,
    kind text DEFAULT 'skill'::text NOT NULL,
    labels jsonb NOT NULL,
    synonyms jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT skills_kind_check CHECK ((kind = ANY (ARRAY['skill'::text, 'knowledge'::text, 'language'::text]))),
    CONSTRAINT skills_uri_check CHECK ((uri ~ '^http://data\.europa\.eu/esco/skill/'::text))
);

--
-- Name: slot_skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.slot_skills (
    slot_id uuid NOT NULL,
    skill_uri text NOT NULL,
    required boolean NOT NULL
);

--
-- Name: slots; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.slots (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    workplace_id uuid NOT NULL,
    type text NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    occupation_uri text,
    sector text,
    danish_spoken text,
    danish_written text,
    danish_within_months integer,
    languages text[] DEFAULT '{}'::text[] NOT NULL,
    positions integer NOT NULL,
    start_date date NOT NULL,
    weeks integer NOT NULL,
    hours_per_week numeric(4,1) NOT NULL,
    mentor boolean DEFAULT false NOT NULL,
    pay_basis text,
    pooled_network_id uuid,
    published_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT slots_danish_spoken_check CHECK ((danish_spoken = ANY (ARRAY['A1'::text, 'A2'::text, 'B1'::text, 'B2'::text, 'C1'::text, 'C2'::text]))),
    CONSTRAINT slots_danish_within_months_check CHECK (((danish_within_months >= 1) AND (danish_within_months <= 24))),
    CONSTRAINT slots_danish_written_check CHECK ((danish_written = ANY (ARRAY['A1'::text, 'A2'::text, 'B1'::text, 'B2'::text, 'C1'::text, 'C2'::text]))),
    CONSTRAINT slots_hours_per_week_check CHECK (((hours_per_week > (0)::numeric) AND (hours_per_week <= (48)::numeric))),
    CONSTRAINT slots_positions_check CHECK (((positions >= 1) AND (positions <= 100))),
    CONSTRAINT slots_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'published'::text, 'filled'::text, 'closed'::text]))),
    CONSTRAINT slots_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200))),
    CONSTRAINT slots_type_check CHECK ((type = ANY (ARRAY['igu'::text, 'praktik'::text, 'loentilskud'::text]))),
    CONSTRAINT slots_weeks_check CHECK (((weeks >= 1) AND (weeks <= 104)))
);

--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    password_hash text,
    role text NOT NULL,
    display_name text NOT NULL,
    locale text,
    organisation_id uuid,
    jobcentre_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_check CHECK (((role = 'employer'::text) = (organisation_id IS NOT NULL))),
    CONSTRAINT users_check1 CHECK (((role <> 'consultant'::text) OR (jobcentre_id IS NOT NULL))),
    CONSTRAINT users_email_check CHECK (((email = lower(email)) AND (email ~~ '%_@_%'::text))),
    CONSTRAINT users_locale_check CHECK ((locale = ANY (ARRAY['da'::text, 'en'::text, 'ar'::text, 'uk'::text]))),
    CONSTRAINT users_role_check CHECK ((role = ANY (ARRAY['employer'::text, 'consultant'::text, 'candidate'::text, 'admin'::text])))
);

--
-- Name: workplaces; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workplaces (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    organisation_id uuid NOT NULL,
    p_number text NOT NULL,
    name text NOT NULL,
    address text NOT NULL,
    postal_code text NOT NULL,
    ordinary_employees_fte numeric(8,2) NOT NULL,
    ordinary_employees_fte_12m_ago numeric(8,2),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT workplaces_ordinary_employees_fte_12m_ago_check CHECK ((ordinary_employees_fte_12m_ago >= (0)::numeric)),
    CONSTRAINT workplaces_ordinary_employees_fte_check CHECK ((ordinary_employees_fte >= (0)::numeric)),
    CONSTRAINT workplaces_p_number_check CHECK ((p_number ~ '^[0-9]{10}$'::text))
);

--
-- Name: audit_log id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);

--
-- Name: search_outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_outbox ALTER COLUMN id SET DEFAULT nextval('public.search_outbox_id_seq'::regclass);

--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);

--
-- Name: api_keys api_keys_prefix_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_prefix_key UNIQUE (prefix);

--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

--
-- Name: candidate_cprs candidate_cprs_cpr_lookup_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_cprs
    ADD CONSTRAINT candidate_cprs_cpr_lookup_hash_key UNIQUE (cpr_lookup_hash);

--
-- Name: candidate_cprs candidate_cprs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_cprs
    ADD CONSTRAINT candidate_cprs_pkey PRIMARY KEY (candidate_id);

--
-- Name: candidate_employments candidate_employments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_employments
    ADD CONSTRAINT candidate_employments_pkey PRIMARY KEY (id);

--
-- Name: candidate_invitations candidate_invitations_code_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_invitations
    ADD CONSTRAINT candidate_invitations_code_hash_key UNIQUE (code_hash);

--
-- Name: candidate_invitations candidate_invitations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_invitations
    ADD CONSTRAINT candidate_invitations_pkey PRIMARY KEY (id);

--
-- Name: candidate_invitations candidate_invitations_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_invitations
    ADD CONSTRAINT candidate_invitations_token_hash_key UNIQUE (token_hash);

--
-- Name: candidate_languages candidate_languages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_languages
    ADD CONSTRAINT candidate_languages_pkey PRIMARY KEY (candidate_id, code);

--
-- Name: candidate_occupations candidate_occupations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_occupations
    ADD CONSTRAINT candidate_occupations_pkey PRIMARY KEY (candidate_id, occupation_uri);

--
-- Name: candidate_skills candidate_skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_skills
    ADD CONSTRAINT candidate_skills_pkey PRIMARY KEY (candidate_id, skill_uri);

--
-- Name: candidates candidates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_pkey PRIMARY KEY (id);

--
-- Name: candidates candidates_user_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_user_id_key UNIQUE (user_id);

--
-- Name: cohort_members cohort_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cohort_members
    ADD CONSTRAINT cohort_members_pkey PRIMARY KEY (cohort_id, candidate_id);

--
-- Name: cohorts cohorts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cohorts
    ADD CONSTRAINT cohorts_pkey PRIMARY KEY (id);

--
-- Name: consents consents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_pkey PRIMARY KEY (id);

--
-- Name: employer_decisions employer_decisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.employer_decisions
    ADD CONSTRAINT employer_decisions_pkey PRIMARY KEY (proposal_id);

--
-- Name: erased_candidates erased_candidates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erased_candidates
    ADD CONSTRAINT erased_candidates_pkey PRIMARY KEY (id);

--
-- Name: erased_placements erased_placements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erased_placements
    ADD CONSTRAINT erased_placements_pkey PRIMARY KEY (id);

--
-- Name: erasure_requests erasure_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasure_requests
    ADD CONSTRAINT erasure_requests_pkey PRIMARY KEY (id);

--
-- Name: jobcentre_network_members jobcentre_network_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentre_network_members
    ADD CONSTRAINT jobcentre_network_members_pkey PRIMARY KEY (network_id, jobcentre_id);

--
-- Name: jobcentre_networks jobcentre_networks_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentre_networks
    ADD CONSTRAINT jobcentre_networks_name_key UNIQUE (name);

--
-- Name: jobcentre_networks jobcentre_networks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentre_networks
    ADD CONSTRAINT jobcentre_networks_pkey PRIMARY KEY (id);

--
-- Name: jobcentres jobcentres_municipality_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentres
    ADD CONSTRAINT jobcentres_municipality_code_key UNIQUE (municipality_code);

--
-- Name: jobcentres jobcentres_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentres
    ADD CONSTRAINT jobcentres_pkey PRIMARY KEY (id);

--
-- Name: kysely_migration_lock kysely_migration_lock_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kysely_migration_lock
    ADD CONSTRAINT kysely_migration_lock_pkey PRIMARY KEY (id);

--
-- Name: kysely_migration kysely_migration_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kysely_migration
    ADD CONSTRAINT kysely_migration_pkey PRIMARY KEY (name);

--
-- Name: mailbox_messages mailbox_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mailbox_messages
    ADD CONSTRAINT mailbox_messages_pkey PRIMARY KEY (id);

--
-- Name: match_decisions match_decisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_decisions
    ADD CONSTRAINT match_decisions_pkey PRIMARY KEY (id);

--
-- Name: match_proposals match_proposals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_proposals
    ADD CONSTRAINT match_proposals_pkey PRIMARY KEY (id);

--
-- Name: match_proposals match_proposals_slot_id_candidate_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_proposals
    ADD CONSTRAINT match_proposals_slot_id_candidate_id_key UNIQUE (slot_id, candidate_id);

--
-- Name: municipalities municipalities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.municipalities
    ADD CONSTRAINT municipalities_pkey PRIMARY KEY (code);

--
-- Name: occupation_skills occupation_skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.occupation_skills
    ADD CONSTRAINT occupation_skills_pkey PRIMARY KEY (occupation_uri, skill_uri);

--
-- Name: occupations occupations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.occupations
    ADD CONSTRAINT occupations_pkey PRIMARY KEY (uri);

--
-- Name: organisation_invitations organisation_invitations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_invitations
    ADD CONSTRAINT organisation_invitations_pkey PRIMARY KEY (id);

--
-- Name: organisation_invitations organisation_invitations_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_invitations
    ADD CONSTRAINT organisation_invitations_token_hash_key UNIQUE (token_hash);

--
-- Name: organisation_verifications organisation_verifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_verifications
    ADD CONSTRAINT organisation_verifications_pkey PRIMARY KEY (id);

--
-- Name: organisations organisations_cvr_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_cvr_key UNIQUE (cvr);

--
-- Name: organisations organisations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_pkey PRIMARY KEY (id);

--
-- Name: placement_follow_ups placement_follow_ups_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placement_follow_ups
    ADD CONSTRAINT placement_follow_ups_pkey PRIMARY KEY (id);

--
-- Name: placement_milestones placement_milestones_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placement_milestones
    ADD CONSTRAINT placement_milestones_pkey PRIMARY KEY (placement_id, kind);

--
-- Name: placements placements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_pkey PRIMARY KEY (id);

--
-- Name: placements placements_proposal_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_proposal_id_key UNIQUE (proposal_id);

--
-- Name: postal_codes postal_codes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.postal_codes
    ADD CONSTRAINT postal_codes_pkey PRIMARY KEY (code);

--
-- Name: profile_views profile_views_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_views
    ADD CONSTRAINT profile_views_pkey PRIMARY KEY (id);

--
-- Name: regions regions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.regions
    ADD CONSTRAINT regions_pkey PRIMARY KEY (code);

--
-- Name: search_outbox search_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_outbox
    ADD CONSTRAINT search_outbox_pkey PRIMARY KEY (id);

--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);

--
-- Name: skills skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.skills
    ADD CONSTRAINT skills_pkey PRIMARY KEY (uri);

--
-- Name: slot_skills slot_skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slot_skills
    ADD CONSTRAINT slot_skills_pkey PRIMARY KEY (slot_id, skill_uri);

--
-- Name: slots slots_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_pkey PRIMARY KEY (id);

--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);

--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

--
-- Name: workplaces workplaces_p_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workplaces
    ADD CONSTRAINT workplaces_p_number_key UNIQUE (p_number);

--
-- Name: workplaces workplaces_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workplaces
    ADD CONSTRAINT workplaces_pkey PRIMARY KEY (id);

--
-- Name: api_keys_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_keys_organisation_idx ON public.api_keys USING btree (organisation_id);

--
-- Name: audit_log_subject_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_subject_idx ON public.audit_log USING btree (subject_type, subject_id);

--
-- Name: candidate_employments_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidate_employments_candidate_idx ON public.candidate_employments USING btree (candidate_id);

--
-- Name: candidate_invitations_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidate_invitations_candidate_idx ON public.candidate_invitations USING btree (candidate_id);

--
-- Name: candidates_inactivity_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidates_inactivity_due_idx ON public.candidates USING btree (last_active_at) WHERE ((status = 'active'::text) AND (inactivity_flagged_at IS NULL));

--
-- Name: candidates_inactivity_flagged_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidates_inactivity_flagged_idx ON public.candidates USING btree (jobcentre_id, inactivity_flagged_at) WHERE (inactivity_flagged_at IS NOT NULL);

--
-- Name: candidates_jobcentre_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidates_jobcentre_idx ON public.candidates USING btree (jobcentre_id, status);

--
-- Name: cohorts_network_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cohorts_network_idx ON public.cohorts USING btree (network_id, course_start);

--
-- Name: consents_candidate_slot_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consents_candidate_slot_idx ON public.consents USING btree (candidate_id, slot_id);

--
-- Name: erased_placements_jobcentre_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX erased_placements_jobcentre_idx ON public.erased_placements USING btree (jobcentre_id);

--
-- Name: erased_placements_slot_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX erased_placements_slot_idx ON public.erased_placements USING btree (slot_id);

--
-- Name: erasure_requests_jobcentre_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX erasure_requests_jobcentre_idx ON public.erasure_requests USING btree (jobcentre_id, status, deadline);

--
-- Name: erasure_requests_open_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX erasure_requests_open_idx ON public.erasure_requests USING btree (candidate_id) WHERE (status = 'requested'::text);

--
-- Name: mailbox_messages_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mailbox_messages_created_idx ON public.mailbox_messages USING btree (created_at DESC);

--
-- Name: match_decisions_decided_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX match_decisions_decided_idx ON public.match_decisions USING btree (decided_at);

--
-- Name: match_decisions_jobcentre_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX match_decisions_jobcentre_idx ON public.match_decisions USING btree (jobcentre_id, decided_at);

--
-- Name: match_proposals_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX match_proposals_candidate_idx ON public.match_proposals USING btree (candidate_id);

--
-- Name: match_proposals_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX match_proposals_status_idx ON public.match_proposals USING btree (status, score DESC);

--
-- Name: organisation_invitations_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organisation_invitations_organisation_idx ON public.organisation_invitations USING btree (organisation_id);

--
-- Name: organisation_verifications_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organisation_verifications_organisation_idx ON public.organisation_verifications USING btree (organisation_id, decided_at DESC);

--
-- Name: placement_follow_ups_next_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX placement_follow_ups_next_idx ON public.placement_follow_ups USING btree (next_follow_up);

--
-- Name: placement_follow_ups_placement_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX placement_follow_ups_placement_idx ON public.placement_follow_ups USING btree (placement_id, visited_on DESC);

--
-- Name: placements_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX placements_candidate_idx ON public.placements USING btree (candidate_id);

--
-- Name: placements_slot_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX placements_slot_idx ON public.placements USING btree (slot_id);

--
-- Name: profile_views_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profile_views_candidate_idx ON public.profile_views USING btree (candidate_id, viewed_at DESC);

--
-- Name: search_outbox_pending_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX search_outbox_pending_idx ON public.search_outbox USING btree (id) WHERE (processed_at IS NULL);

--
-- Name: sessions_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id);

--
-- Name: slots_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX slots_organisation_idx ON public.slots USING btree (organisation_id);

--
-- Name: slots_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX slots_status_idx ON public.slots USING btree (status, start_date);

--
-- Name: workplaces_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX workplaces_organisation_idx ON public.workplaces USING btree (organisation_id);

--
-- Name: api_keys api_keys_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: api_keys api_keys_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: audit_log audit_log_actor_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_actor_user_id_fkey FOREIGN KEY (actor_user_id) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: candidate_cprs candidate_cprs_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_cprs
    ADD CONSTRAINT candidate_cprs_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: candidate_cprs candidate_cprs_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_cprs
    ADD CONSTRAINT candidate_cprs_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: candidate_employments candidate_employments_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_employments
    ADD CONSTRAINT candidate_employments_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: candidate_invitations candidate_invitations_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_invitations
    ADD CONSTRAINT candidate_invitations_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: candidate_invitations candidate_invitations_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_invitations
    ADD CONSTRAINT candidate_invitations_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: candidate_invitations candidate_invitations_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_invitations
    ADD CONSTRAINT candidate_invitations_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;

--
-- Name: candidate_languages candidate_languages_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_languages
    ADD CONSTRAINT candidate_languages_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: candidate_occupations candidate_occupations_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_occupations
    ADD CONSTRAINT candidate_occupations_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: candidate_occupations candidate_occupations_occupation_uri_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_occupations
    ADD CONSTRAINT candidate_occupations_occupation_uri_fkey FOREIGN KEY (occupation_uri) REFERENCES public.occupations(uri);

--
-- Name: candidate_skills candidate_skills_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_skills
    ADD CONSTRAINT candidate_skills_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: candidate_skills candidate_skills_skill_uri_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidate_skills
    ADD CONSTRAINT candidate_skills_skill_uri_fkey FOREIGN KEY (skill_uri) REFERENCES public.skills(uri);

--
-- Name: candidates candidates_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id);

--
-- Name: candidates candidates_postal_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_postal_code_fkey FOREIGN KEY (postal_code) REFERENCES public.postal_codes(code);

--
-- Name: candidates candidates_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: cohort_members cohort_members_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cohort_members
    ADD CONSTRAINT cohort_members_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: cohort_members cohort_members_cohort_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cohort_members
    ADD CONSTRAINT cohort_members_cohort_id_fkey FOREIGN KEY (cohort_id) REFERENCES public.cohorts(id) ON DELETE CASCADE;

--
-- Name: cohort_members cohort_members_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cohort_members
    ADD CONSTRAINT cohort_members_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: cohorts cohorts_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cohorts
    ADD CONSTRAINT cohorts_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: cohorts cohorts_network_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cohorts
    ADD CONSTRAINT cohorts_network_id_fkey FOREIGN KEY (network_id) REFERENCES public.jobcentre_networks(id) ON DELETE CASCADE;

--
-- Name: consents consents_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: consents consents_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: consents consents_recorded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: consents consents_slot_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES public.slots(id) ON DELETE CASCADE;

--
-- Name: employer_decisions employer_decisions_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.employer_decisions
    ADD CONSTRAINT employer_decisions_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: employer_decisions employer_decisions_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.employer_decisions
    ADD CONSTRAINT employer_decisions_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.match_proposals(id) ON DELETE CASCADE;

--
-- Name: erased_candidates erased_candidates_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erased_candidates
    ADD CONSTRAINT erased_candidates_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id) ON DELETE SET NULL;

--
-- Name: erased_placements erased_placements_erased_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erased_placements
    ADD CONSTRAINT erased_placements_erased_candidate_id_fkey FOREIGN KEY (erased_candidate_id) REFERENCES public.erased_candidates(id) ON DELETE SET NULL;

--
-- Name: erased_placements erased_placements_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erased_placements
    ADD CONSTRAINT erased_placements_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id) ON DELETE SET NULL;

--
-- Name: erased_placements erased_placements_slot_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erased_placements
    ADD CONSTRAINT erased_placements_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES public.slots(id) ON DELETE SET NULL;

--
-- Name: erasure_requests erasure_requests_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasure_requests
    ADD CONSTRAINT erasure_requests_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE SET NULL;

--
-- Name: erasure_requests erasure_requests_handled_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasure_requests
    ADD CONSTRAINT erasure_requests_handled_by_fkey FOREIGN KEY (handled_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: erasure_requests erasure_requests_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasure_requests
    ADD CONSTRAINT erasure_requests_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id);

--
-- Name: erasure_requests erasure_requests_requested_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasure_requests
    ADD CONSTRAINT erasure_requests_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: jobcentre_network_members jobcentre_network_members_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentre_network_members
    ADD CONSTRAINT jobcentre_network_members_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id) ON DELETE CASCADE;

--
-- Name: jobcentre_network_members jobcentre_network_members_network_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentre_network_members
    ADD CONSTRAINT jobcentre_network_members_network_id_fkey FOREIGN KEY (network_id) REFERENCES public.jobcentre_networks(id) ON DELETE CASCADE;

--
-- Name: jobcentres jobcentres_municipality_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobcentres
    ADD CONSTRAINT jobcentres_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES public.municipalities(code);

--
-- Name: match_decisions match_decisions_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_decisions
    ADD CONSTRAINT match_decisions_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE SET NULL;

--
-- Name: match_decisions match_decisions_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_decisions
    ADD CONSTRAINT match_decisions_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: match_decisions match_decisions_erased_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_decisions
    ADD CONSTRAINT match_decisions_erased_candidate_id_fkey FOREIGN KEY (erased_candidate_id) REFERENCES public.erased_candidates(id) ON DELETE SET NULL;

--
-- Name: match_decisions match_decisions_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_decisions
    ADD CONSTRAINT match_decisions_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id) ON DELETE SET NULL;

--
-- Name: match_decisions match_decisions_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_decisions
    ADD CONSTRAINT match_decisions_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.match_proposals(id) ON DELETE SET NULL;

--
-- Name: match_decisions match_decisions_slot_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_decisions
    ADD CONSTRAINT match_decisions_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES public.slots(id) ON DELETE SET NULL;

--
-- Name: match_proposals match_proposals_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_proposals
    ADD CONSTRAINT match_proposals_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: match_proposals match_proposals_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_proposals
    ADD CONSTRAINT match_proposals_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: match_proposals match_proposals_slot_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_proposals
    ADD CONSTRAINT match_proposals_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES public.slots(id) ON DELETE CASCADE;

--
-- Name: municipalities municipalities_region_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.municipalities
    ADD CONSTRAINT municipalities_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.regions(code);

--
-- Name: occupation_skills occupation_skills_occupation_uri_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.occupation_skills
    ADD CONSTRAINT occupation_skills_occupation_uri_fkey FOREIGN KEY (occupation_uri) REFERENCES public.occupations(uri) ON DELETE CASCADE;

--
-- Name: occupation_skills occupation_skills_skill_uri_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.occupation_skills
    ADD CONSTRAINT occupation_skills_skill_uri_fkey FOREIGN KEY (skill_uri) REFERENCES public.skills(uri) ON DELETE CASCADE;

--
-- Name: organisation_invitations organisation_invitations_invited_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_invitations
    ADD CONSTRAINT organisation_invitations_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: organisation_invitations organisation_invitations_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_invitations
    ADD CONSTRAINT organisation_invitations_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: organisation_verifications organisation_verifications_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_verifications
    ADD CONSTRAINT organisation_verifications_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: organisation_verifications organisation_verifications_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_verifications
    ADD CONSTRAINT organisation_verifications_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id) ON DELETE SET NULL;

--
-- Name: organisation_verifications organisation_verifications_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation_verifications
    ADD CONSTRAINT organisation_verifications_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: placement_follow_ups placement_follow_ups_placement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placement_follow_ups
    ADD CONSTRAINT placement_follow_ups_placement_id_fkey FOREIGN KEY (placement_id) REFERENCES public.placements(id) ON DELETE CASCADE;

--
-- Name: placement_follow_ups placement_follow_ups_recorded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placement_follow_ups
    ADD CONSTRAINT placement_follow_ups_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: placement_milestones placement_milestones_placement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placement_milestones
    ADD CONSTRAINT placement_milestones_placement_id_fkey FOREIGN KEY (placement_id) REFERENCES public.placements(id) ON DELETE CASCADE;

--
-- Name: placement_milestones placement_milestones_recorded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placement_milestones
    ADD CONSTRAINT placement_milestones_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: placements placements_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: placements placements_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: placements placements_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.match_proposals(id) ON DELETE SET NULL;

--
-- Name: placements placements_slot_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.placements
    ADD CONSTRAINT placements_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES public.slots(id);

--
-- Name: postal_codes postal_codes_municipality_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.postal_codes
    ADD CONSTRAINT postal_codes_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES public.municipalities(code);

--
-- Name: profile_views profile_views_candidate_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_views
    ADD CONSTRAINT profile_views_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE CASCADE;

--
-- Name: profile_views profile_views_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_views
    ADD CONSTRAINT profile_views_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id) ON DELETE SET NULL;

--
-- Name: profile_views profile_views_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_views
    ADD CONSTRAINT profile_views_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE SET NULL;

--
-- Name: profile_views profile_views_viewer_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profile_views
    ADD CONSTRAINT profile_views_viewer_user_id_fkey FOREIGN KEY (viewer_user_id) REFERENCES public.users(id) ON DELETE SET NULL;

--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;

--
-- Name: slot_skills slot_skills_skill_uri_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slot_skills
    ADD CONSTRAINT slot_skills_skill_uri_fkey FOREIGN KEY (skill_uri) REFERENCES public.skills(uri);

--
-- Name: slot_skills slot_skills_slot_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slot_skills
    ADD CONSTRAINT slot_skills_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES public.slots(id) ON DELETE CASCADE;

--
-- Name: slots slots_occupation_uri_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_occupation_uri_fkey FOREIGN KEY (occupation_uri) REFERENCES public.occupations(uri);

--
-- Name: slots slots_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: slots slots_pooled_network_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_pooled_network_id_fkey FOREIGN KEY (pooled_network_id) REFERENCES public.jobcentre_networks(id);

--
-- Name: slots slots_workplace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_workplace_id_fkey FOREIGN KEY (workplace_id) REFERENCES public.workplaces(id);

--
-- Name: users users_jobcentre_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_jobcentre_id_fkey FOREIGN KEY (jobcentre_id) REFERENCES public.jobcentres(id);

--
-- Name: users users_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: workplaces workplaces_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workplaces
    ADD CONSTRAINT workplaces_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id) ON DELETE CASCADE;

--
-- Name: workplaces workplaces_postal_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workplaces
    ADD CONSTRAINT workplaces_postal_code_fkey FOREIGN KEY (postal_code) REFERENCES public.postal_codes(code);

--
-- PostgreSQL database dump complete
--

--
-- PostgreSQL database dump
--

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: kysely_migration; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.kysely_migration VALUES ('2026-11-23T00-initial', '2026-12-07T21:41:12.123Z');
INSERT INTO public.kysely_migration VALUES ('2026-11-24T01-employers', '2026-12-07T21:41:12.193Z');
INSERT INTO public.kysely_migration VALUES ('2026-11-24T02-candidates', '2026-12-07T21:41:12.246Z');
INSERT INTO public.kysely_migration VALUES ('2026-11-24T03-consultants', '2026-12-07T21:41:12.540Z');
INSERT INTO public.kysely_migration VALUES ('2026-11-24T04-privacy', '2026-12-07T21:41:12.627Z');
INSERT INTO public.kysely_migration VALUES ('2026-11-24T05-inactivity-cpr', '2026-12-07T21:41:12.768Z');

--
-- Data for Name: kysely_migration_lock; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.kysely_migration_lock VALUES ('migration_lock', 0);

--
-- PostgreSQL database dump complete
--
