-- ChatPay's SQLite schema, version 1: the PostgreSQL schema's tables and indexes, with documents as JSON text, instants as
-- UTC text ("2026-11-28 09:30:00.123", which sorts as time does) and booleans as 0/1. The version is the file's
-- user_version: a later schema reads it and applies its own steps after this script.
CREATE TABLE IF NOT EXISTS dossiers (id text PRIMARY KEY, doc text NOT NULL, next_reminder_at text, next_notice_at text,
    phone_hash text, awaiting integer NOT NULL DEFAULT 0, paid_at text);
CREATE INDEX IF NOT EXISTS dossiers_next_reminder_at ON dossiers (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS dossiers_next_notice_at ON dossiers (next_notice_at) WHERE next_notice_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS dossiers_phone_hash ON dossiers (phone_hash) WHERE phone_hash IS NOT NULL;

CREATE TABLE IF NOT EXISTS payments (id text PRIMARY KEY, doc text NOT NULL, dossier_code text NOT NULL, attempt integer NOT NULL,
    link_token text NOT NULL UNIQUE, open_until text, next_check_at text, finished_at text, settled integer NOT NULL,
    opened_at text, state text NOT NULL);
CREATE INDEX IF NOT EXISTS payments_dossier_code ON payments (dossier_code, attempt);
CREATE INDEX IF NOT EXISTS payments_open_until ON payments (open_until) WHERE open_until IS NOT NULL;
CREATE INDEX IF NOT EXISTS payments_next_check_at ON payments (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS payments_finished_at ON payments (finished_at) WHERE settled;
CREATE INDEX IF NOT EXISTS payments_opened_at ON payments (opened_at) WHERE opened_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS payments_state ON payments (state);

CREATE TABLE IF NOT EXISTS receipts (id text PRIMARY KEY, doc text NOT NULL, access_token text NOT NULL UNIQUE, lookup_code text,
    dossier_code text NOT NULL UNIQUE);
CREATE INDEX IF NOT EXISTS receipts_lookup_code ON receipts (lookup_code);
-- A counter row per series and year, updated in the step that issues the receipt: gap-free (never a sequence).
CREATE TABLE IF NOT EXISTS receipt_counters (id text PRIMARY KEY, last integer NOT NULL);

CREATE TABLE IF NOT EXISTS conversations (id text PRIMARY KEY, doc text NOT NULL, deadline text, dossier_code text,
    updated_at text NOT NULL, in_progress integer NOT NULL);
CREATE INDEX IF NOT EXISTS conversations_deadline ON conversations (deadline) WHERE deadline IS NOT NULL;
CREATE INDEX IF NOT EXISTS conversations_dossier_code ON conversations (dossier_code) WHERE dossier_code IS NOT NULL;

CREATE TABLE IF NOT EXISTS enrollments (id text PRIMARY KEY, doc text NOT NULL, chat_key text NOT NULL, role text NOT NULL, agency_code text NOT NULL);
CREATE INDEX IF NOT EXISTS enrollments_chat_key ON enrollments (chat_key);
CREATE INDEX IF NOT EXISTS enrollments_role_agency ON enrollments (role, agency_code);
CREATE TABLE IF NOT EXISTS enrollment_audit (id text PRIMARY KEY, doc text NOT NULL, chat_key text NOT NULL, at text NOT NULL);
CREATE INDEX IF NOT EXISTS enrollment_audit_chat_key ON enrollment_audit (chat_key, at);

CREATE TABLE IF NOT EXISTS support_cases (id text PRIMARY KEY, doc text NOT NULL, dossier_code text NOT NULL, open integer NOT NULL, opened_at text NOT NULL);
CREATE INDEX IF NOT EXISTS support_cases_dossier_code ON support_cases (dossier_code, opened_at);

-- The chat log's one counter (PostgreSQL's sequence).
CREATE TABLE IF NOT EXISTS counters (name text PRIMARY KEY, value integer NOT NULL);
INSERT OR IGNORE INTO counters (name, value) VALUES ('chat_log', 0);
-- Every message both ways, and the outbox of the pushing channels: the queue key is set only while a send or an edit
-- waits (a partial index, as LiteDB's sparse one), the sequence number moves on with every change (the web chat reads
-- a chat's changes after the last one it saw).
CREATE TABLE IF NOT EXISTS chat_log (id integer PRIMARY KEY, doc text NOT NULL, chat_key text NOT NULL, seq integer NOT NULL, at text NOT NULL,
    topic text, queue_key text, external_ref text, in_flight integer NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS chat_log_chat_key ON chat_log (chat_key, id);
CREATE INDEX IF NOT EXISTS chat_log_chat_seq ON chat_log (chat_key, seq);
CREATE INDEX IF NOT EXISTS chat_log_topic ON chat_log (topic, id) WHERE topic IS NOT NULL;
CREATE INDEX IF NOT EXISTS chat_log_queue ON chat_log (queue_key) WHERE queue_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS chat_log_external_ref ON chat_log (external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE IF NOT EXISTS portal_events (id text PRIMARY KEY, doc text NOT NULL, next_attempt_at text, delivered_at text);
CREATE INDEX IF NOT EXISTS portal_events_next_attempt_at ON portal_events (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS inbox (id text PRIMARY KEY, at text NOT NULL);
CREATE INDEX IF NOT EXISTS inbox_at ON inbox (at);
CREATE TABLE IF NOT EXISTS lookup_tallies (id text PRIMARY KEY, doc text NOT NULL, window_start text);
CREATE TABLE IF NOT EXISTS pay_links (id text PRIMARY KEY, doc text NOT NULL);
CREATE TABLE IF NOT EXISTS phone_links (id text PRIMARY KEY, doc text NOT NULL, phone_hash text NOT NULL);
CREATE INDEX IF NOT EXISTS phone_links_phone_hash ON phone_links (phone_hash);
CREATE TABLE IF NOT EXISTS phone_messages (id text PRIMARY KEY, doc text NOT NULL, dossier_code text NOT NULL, next_attempt_at text,
    message_id text, queued_at text NOT NULL);
CREATE INDEX IF NOT EXISTS phone_messages_next_attempt_at ON phone_messages (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS phone_messages_dossier_code ON phone_messages (dossier_code);
CREATE INDEX IF NOT EXISTS phone_messages_message_id ON phone_messages (message_id) WHERE message_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS gateway_checks (id text PRIMARY KEY, doc text NOT NULL, day text NOT NULL);
CREATE INDEX IF NOT EXISTS gateway_checks_day ON gateway_checks (day);
CREATE TABLE IF NOT EXISTS refunds (id text PRIMARY KEY, doc text NOT NULL, payment_id text NOT NULL, dossier_code text NOT NULL, requested_at text NOT NULL,
    next_attempt_at text, idempotency_key text UNIQUE, finished_at text);
CREATE INDEX IF NOT EXISTS refunds_payment_id ON refunds (payment_id, requested_at);
CREATE INDEX IF NOT EXISTS refunds_dossier_code ON refunds (dossier_code, requested_at);
CREATE INDEX IF NOT EXISTS refunds_next_attempt_at ON refunds (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS refunds_finished_at ON refunds (finished_at) WHERE finished_at IS NOT NULL;

-- The host's own small tables (settings, receipt seals, Zalo's tokens, the sandboxes' records), one kind of record each.
CREATE TABLE IF NOT EXISTS records (kind text NOT NULL, id text NOT NULL, doc text NOT NULL, PRIMARY KEY (kind, id));

PRAGMA user_version = 1;
