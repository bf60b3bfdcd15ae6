"""Refusals and problems worded with values, in the reader's language: the one table of the texts of the
service, storage and verification layers (`SAID`, English as the message id, context "refusal").

A `Said` is a `str` (its English, for logs and for code that compares texts) that keeps its key and its
values, so that `worded(lang)` can say it again in French, Arabic or English. An exception raised with a
`Said` as its message (`raise NotFound(said("no_user", user=user_id))`) is worded by `worded(exc, lang)`,
the one function the API's problem handler and the command line call.

Values are ids, numbers, paths, states, the names of keys: never what a submission holds. A `Choice`
value (a state, an action) is said in words from the catalogue's "choice" texts ("in_review" → "en examen");
a tuple is a list of values joined by the language's separator; a `Said` value is worded in turn.
"""

from __future__ import annotations

from typing import Any

from compliance.i18n.catalogue import translator
from compliance.i18n.catalogued import Catalogued
from compliance.i18n.languages import Lang

CONTEXT = "refusal"
# What `db import` counts, by the names its report gives them.
COUNTED = (
    "organisations", "keys", "projects", "versions", "audit entries", "users", "tokens", "sessions", "attempts",
    "drafts", "webhooks", "deliveries", "events", "packs",
)  # fmt: skip

SAID: Catalogued[str] = Catalogued(
    CONTEXT,
    {
        # reviews
        "not_allowed": "'{action}' is not allowed on a version that is {state} (allowed from: {allowed})",
        "superseded": "version {number} was superseded by version {latest}: review the latest version",
        "revision_changed": "the version changed since revision {revision}: it is now at revision {current}; "
        "read it again before acting",
        "judged_in_review": "findings are judged while the version is in review; it is {state}",
        "no_decision": "version {number} has no decision yet (it is {state})",
        "seal_missing": "the decision's audit entry is not in the log yet; restart the service to recover it",
        "liaison_only": "only a CNDP liaison may do '{action}'",
        "liaison_decides": "only a CNDP liaison may approve or reject a project",
        "liaison_judges": "only a CNDP liaison may judge a finding",
        "role_is": "{refusal}; this key's role is {role}",
        "needs_role": "this needs a key of one of these roles: {roles}; this key's role is {role}",
        # fields at fault
        "opinion_needed": "a written opinion of at least 10 characters is required",
        "message_needed": "a written message of at least 10 characters is required",
        "dispute_same_outcome": "a dispute must change the outcome",
        "waiver_open_only": "only a failing or incomplete finding can be waived",
        "waiver_past": "a waiver must expire in the future",
        "dispute_incomplete": "a dispute needs a written reason (at least 10 characters) and the corrected outcome",
        "waiver_incomplete": "a waiver needs a written reason (at least 10 characters), a legal ground and an expiry date",
        "not_email": "not an e-mail address",
        "password_length": "{least} to {most} characters",
        "account_unbound": "a {role} account is not bound to an organisation",
        "email_taken": "an account with this e-mail already exists",
        "wrong_password": "wrong password",
        "own_account": "you cannot disable your own account",
        "code_mismatch": "the code does not match; check the clock of your device",
        "name_length": "must be 1 to 200 characters",
        "org_id_form": "lower-case letters, digits and '-', 1 to 40 characters",
        "key_needs_org": "a {role} key belongs to one organisation (--org)",
        "key_unbound": "a {role} key is not bound to an organisation",
        "idempotency_key_form": "1 to 200 visible ASCII characters, no spaces",
        "name_empty": "a non-empty string is required",
        "name_too_long": "at most {limit} characters",
        "nul_character": "must not hold the character U+0000 (NUL)",
        "too_many_drafts": "at most {limit} per organisation; delete old ones first",
        "admin_names_owner": "an admin names the organisation (or 'cndp_liaisons')",
        "no_such_organisation": "no such organisation",
        "too_many_webhooks": "at most {limit} webhooks per owner",
        "webhook_absolute": "must be an absolute https:// URL",
        "webhook_credentials": "must not carry a user name or password",
        "webhook_https": "must use https (plain http only for targets the operator's allow-list names)",
        "webhook_unresolved": "its host name does not resolve",
        "webhook_internal": "resolves to a loopback, private, link-local or reserved address; an operator must "
        "name it in COMPLIANCE_WEBHOOK_ALLOW",
        # things that are not there, or are there already
        "no_user": "no user '{user}'",
        "link_unknown": "this link is unknown, used or expired: ask your administrator for a new one",
        "link_used": "this link was already used",
        "account_gone": "this account no longer exists",
        "no_key": "no key '{key}'",
        "no_draft": "no draft '{draft}'",
        "no_organisation": "no organisation '{organisation}' (create it with 'compliance admin create-org')",
        "organisation_exists": "organisation '{organisation}' already exists",
        "key_exists": "key '{key}' already exists",
        "project_exists": "project '{project}' already exists",
        "email_exists": "an account with the e-mail '{email}' already exists",
        # the store
        "store_locked": "{folder} is in use by another compliance server process. Run one server with one "
        "worker per data folder (the embedded store is single-process).",
        "store_corrupted": "{path}: {reason}. The file was left in place and nothing was replaced: restore it "
        "from a backup, or move it away if its data may be dropped, then start again.",
        "store_corrupted_kept": "{path}: {reason}; its bytes were copied to {kept}. The file was left in place "
        "and nothing was replaced: restore it from a backup, or move it away if its data may be dropped, "
        "then start again.",
        "bad_audit_entry": "line {line} is not a valid audit entry",
        "bad_last_audit_entry": "its last entry is not a valid audit entry",
        "bad_last_record": "its last line is not a valid record",
        "payload_missing": "the version's payload file is missing",
        "payload_unreadable": "the version's payload cannot be read ({error})",
        "store_truncated": "empty or truncated (no JSON document)",
        "store_not_json": "not valid JSON ({error}); it may be truncated or edited",
        "store_not_document": "valid JSON but not a store document (tables of documents)",
        "store_missing_key": "missing {key}",
        "record_misfit": "a record does not fit the format ({fields})",
        "no_database": "no database: set {variable} (or {variable}_FILE to a file holding it)",
        "database_twice": "set {variable} or {variable}_FILE, not both",
        "database_unreadable": "{variable}_FILE: cannot read {path} ({reason})",
        "database_empty": "{variable}_FILE: {path} is empty",
        "backup_not_data": "{folder} is not a compliance data folder",
        "backup_exists": "{folder} exists already: name a new folder",
        "backup_unreadable": "{project} v{number}: unreadable copy ({error})",
        "backup_chain": "the copied audit log does not verify: {problems}",
        "backup_count": "{read} versions read back, {copied} were copied",
        "backup_payload_missing": "{project} v{number}: its file {file} is missing while its project is there",
        "backup_review_unreadable": "{project} v{number}: unreadable review record ({error})",
        "backup_review_orphan": "{project}: a review record of version {number}, which the copy does not hold",
        "backup_review_lost": "{project} v{number}: the audit log holds '{action}' (entry {event}), "
        "but the copy lacks that review change",
        "backup_file_unreadable": "{file}: unreadable copy ({error})",
        "backup_pack_mismatch": "{file}: the rule pack does not match the hash it is named by",
        # a rule pack that cannot be loaded: the author's file and key names as they are
        "pack_not_mapping": "{file}: the file must hold a mapping at the top level",
        "pack_no_text": "{file}: {key}: no text in '{lang}' ({texts})",
        "pack_no_instrument": "{file}: {key}: '{instrument}' is not in {instruments}",
        "pack_no_manifest": "{folder}: no {manifest} (is this a rule pack folder?)",
        "pack_id_used": "{file}: id: '{id}' is already used by {other}",
        "pack_chapter": "{file}: chapter: '{chapter}' does not match its folder '{folder}'",
        "pack_no_feature": "{file}: no feature file {feature}",
        "pack_texts_unread": "{file}: rule texts in '{lang}' are not read (only {langs})",
        "pack_no_rule": "{file}: no rule '{rule}' to translate",
        "pack_outside_chapter": "{file}: rule files belong in a chapter folder, rules/<chapter>/<slug>.yaml",
        # db import: what was copied and checked, what differs
        "import_source_broken": "the source audit log is broken: {problems}",
        "import_project_differs": "{project}: project missing or its version count differs",
        "import_version_differs": "{project} v{number}: the copy differs from the source",
        "import_chain": "audit log in the database: {problem}",
        "import_audit_start": "the database's audit log does not start with the source's",
        "import_access_missing": "organisations or keys are missing in the database",
        "import_user_missing": "user {user} is missing",
        "import_draft_missing": "draft {draft} is missing",
        "import_webhook_missing": "webhook {webhook} is missing",
        **{f"count {what}": f"{{count}} {what}" for what in COUNTED},
        # the key folder
        "key_missing": "{path}: the signing key is missing",
        "key_too_open": "{path}: the signing key must be readable by its owner only (chmod 600)",
        "key_not_ed25519": "{path}: not an Ed25519 private key",
        "key_folder_failed": "{folder}: the key folder cannot be created ({reason})",
        "published_unreadable": "{path}: not a list of published keys",
        # the audit trail's verification
        "audit_empty_line": "line {line}: empty line",
        "audit_not_json": "line {line}: not JSON",
        "audit_not_entry": "line {line}: not an audit entry",
        "audit_edited": "line {line} (seq {seq}): edited — its content does not match its hash",
        "audit_chain_broken": "line {line} (seq {seq}): the chain is broken — an entry before it was removed, "
        "reordered or edited",
        "audit_sequence": "line {line}: sequence number {seq}, expected {expected}",
        "database_checkpoints": "the database's audit checkpoints",
        "audit_no_checkpoint": "{where}: no signed checkpoint — is this the key folder of this store?",
        "checkpoint_invalid": "checkpoint {number}: not a checkpoint",
        "checkpoint_unknown_key": "checkpoint {number} (seq {seq}): signed by an unknown key {key}",
        "checkpoint_bad_signature": "checkpoint {number} (seq {seq}): its signature does not verify",
        "checkpoint_entry_removed": "checkpoint at seq {seq}: the log has no entry {seq} (removed)",
        "checkpoint_entry_changed": "checkpoint at seq {seq}: the log's entry {seq} is not the one signed — it "
        "or an entry before it was edited, removed, reordered or re-hashed",
        # an exported decision, checked offline
        "export_format": "not a decision export (expected format '{format}')",
        "export_no_decision": "decision: missing",
        "export_invalid_decision": "decision: not a valid record ({errors} errors)",
        "export_edited": "decision_hash: the record was edited — its content does not match its hash",
        "check_hash": "decision hash matches the record ({hash})",
        "bad_fingerprint": "--fingerprint {fingerprint}: a fingerprint is 'sha256:' and the 64 hex digits of "
        "SHA-256",
        "no_published_keys": "{folder}: no published keys",
        "seal_none": "seal: missing",
        "seal_other_hash": "seal: the audit entry does not name this decision hash",
        "seal_other_key": "seal: the audit entry names another signing key than the signature's",
        "seal_other_entry": "seal: not the entry that decided this version",
        "seal_edited": "seal: the audit entry was edited — its content does not match its hash",
        "check_sealed": "sealed by audit entry {seq} ({hash})",
        "seal_no_key": "seal: names no signing key; pin the key with --fingerprint",
        "no_trust_anchor": "no trust anchor: pass --fingerprint (GET /api/v1/decisions/public-keys), --key-dir "
        "or --audit-log",
        "signature_none": "signature: missing — the record was not signed when it was decided",
        "signature_mismatch": "signature: does not match the decision hash",
        "check_signature": "signature valid, key fingerprint {fingerprint}",
        "signature_unpinned": "signature: made with key {fingerprint}, not a pinned or published key",
        "no_audit_log": "{path}: no such audit log",
        "chain_broken": "{path}: the audit chain does not verify ({problem})",
        "check_in_log": "seal found in {path} ({entries} entries, head {head})",
        "seal_not_in_log": "seal: entry {seq} is not in {path}",
        # a PDF that cannot be made
        "pdf_too_long": "the PDF took longer than {seconds} s",
        "pdf_memory": "the PDF needed more memory than allowed",
        "pdf_failed": "the PDF could not be rendered: {error}",
        # a decision file
        "pdf_unreadable": "not a readable PDF ({error})",
        "pdf_no_record": "a PDF without the embedded {attachment}: not a decision PDF",
        "file_not_json": "not a JSON document",
        "file_not_record": "not a decision record (expected a JSON object)",
        "audit_tail_cut": "missing tail: the last signed checkpoint is at seq {last}, but the log ends at seq "
        "{end} — entries were cut off the end",
    },
)


class Choice(str):
    """A state or an action named by its identifier ("in_review"), said in words from the catalogue."""


class Said(str):
    """A text of `SAID` with its values: its English as a `str`, in any language by `worded`."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, values: dict[str, Any]) -> Said:
        self = super().__new__(cls, _fill(key, values, Lang.en))
        self.key = key
        self.values = values
        return self

    def __getnewargs__(self) -> tuple[str, dict[str, Any]]:  # type: ignore[override]  # pickled: key, values
        return self.key, self.values

    def worded(self, lang: Lang | str) -> str:
        return _fill(self.key, self.values, Lang(lang))


def said(key: str, /, **values: Any) -> Said:
    """The text `key` of the one table with its values (ids, numbers, states: never submitted content)."""
    return Said(key, values)


def counted(counts: dict[str, int], lang: Lang | str) -> str:
    """Counts by name ("3 projects, 4 versions"), each name in words of `lang`."""
    return _value(tuple(said(f"count {what}", count=n) for what, n in counts.items()), Lang(lang))


def worded(message: object, lang: Lang | str) -> str:
    """What an exception (or a text) says, in `lang`: a `Said` in that language; a refusal worded once,
    without values, through the catalogue; any other text as it is."""
    own = getattr(message, "worded", None)
    if isinstance(message, BaseException) and callable(own):  # an error that words itself (field errors)
        return str(own(lang))
    if isinstance(message, BaseException):
        text = message.args[0] if len(message.args) == 1 else str(message)
    else:
        text = message
    if isinstance(text, Said):
        return text.worded(lang)
    text = str(text)
    return translator(Lang(lang)).pgettext(CONTEXT, text)


def _value(value: Any, lang: Lang) -> str:
    words = translator(lang)
    if isinstance(value, Said):
        return value.worded(lang)
    if isinstance(value, Choice):
        return words.pgettext("choice", value.replace("_", " "))
    if isinstance(value, tuple | list):
        return words.pgettext("separator", ", ").join(_value(v, lang) for v in value)
    return str(value)


def _fill(key: str, values: dict[str, Any], lang: Lang) -> str:
    return SAID.text(key, lang, **{name: _value(v, lang) for name, v in values.items()})
