"""What a backup checks of the review records it copied, beside the versions: none lost, none cut short.

A version's review (its status, judgements, comments, history, and the decision with its signature and seal)
is kept in the version's summary document; each change appends a record of the new summary to the project's
journal, with the change's audit events, and the log is given those events only after the record is on disk.
The backup copies the log first and the journals after, so a whole copy holds the review change of every
review event its log holds (`REVIEW_EVENT_ACTIONS`). The check of the copy then asks that:

1. every review record reads back as a review, of a version the copy holds;
2. a decision still hashes to the hash it was signed under, and its seal is the entry that names that hash;
3. every review event of the copied log, for a project in the copy, is in that project's journal. A journal
   that lost acknowledged records (cut at a record's end, or a damaged last record that the copy ends
   before) would otherwise make a copy that silently restores older reviews.

Projects stored before the journal kept their reviews in project.json and their events went to the log
alone: for those, only the events logged after the first one the journal holds are asked for.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from compliance.domain.review import REVIEW_EVENT_ACTIONS
from compliance.i18n.said import Said, said
from compliance.storage.audit_chain import digest_of, hash_of
from compliance.storage.codec import REVIEW_KEY, review_from_document
from compliance.storage.errors import BackupFailed
from compliance.storage.version_journal import Record


@dataclass(frozen=True)
class Logged:
    event_id: str
    action: str
    number: int


@dataclass
class ProjectLog:
    """What the copied log says of one project since it was last created (an id may be used again)."""

    entries: list[Logged] = field(default_factory=list)

    def submitted(self) -> set[int]:
        return {e.number for e in self.entries if e.action == "version.submitted"}


@dataclass
class ReviewTally:
    reviewed: int = 0  # versions with a review record (a state change, a judgement or a comment)
    decided: int = 0


# The actions read, quoted as each entry's line holds them: a line naming none is not parsed.
_READ = tuple(f'"{action}"' for action in ("project.created", "version.submitted", *REVIEW_EVENT_ACTIONS))


def logged_by_project(lines: Iterable[str]) -> dict[str, ProjectLog]:
    """The entries of the copied log that name a version (`<project>/<number>`), by project."""
    found: dict[str, ProjectLog] = {}
    for line in lines:
        if not any(action in line for action in _READ):
            continue
        try:
            entry = json.loads(line)
            action, target = entry["action"], entry["target"]
            if action == "project.created":
                found[target] = ProjectLog()
                continue
            project, slash, number = target.rpartition("/")
            if slash and (action == "version.submitted" or action in REVIEW_EVENT_ACTIONS):
                logged = Logged(str(entry["event_id"]), action, int(number))
                found.setdefault(project, ProjectLog()).entries.append(logged)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # not an entry of ours: the chain's verification says so
    return found


def check_reviews(
    project: str,
    docs: dict[int, dict[str, Any]],
    records: list[Record],
    log: ProjectLog,
    *,
    before_journal: bool,
) -> ReviewTally:
    """Check the copy's review records of one project: `docs`, each version's latest summary; `records`,
    its journal's; `before_journal`, whether project.json holds summaries from before the journal."""
    tally = ReviewTally()
    for record in records:
        if int(record.doc["number"]) not in docs:
            raise BackupFailed(said("backup_review_orphan", project=project, number=record.doc["number"]))
    for number, doc in sorted(docs.items()):
        review = doc.get(REVIEW_KEY) or {}
        try:
            review_from_document(doc, project, "-", number)
        except (ValidationError, KeyError, TypeError) as exc:
            raise BackupFailed(_unreadable(project, number, type(exc).__name__)) from None
        if review.get("history") or review.get("judgements") or review.get("comments"):
            tally.reviewed += 1
        if review.get("decision") is not None:
            _check_decision(project, number, review)
            tally.decided += 1
    _check_logged(project, records, log, before_journal)
    return tally


def _check_decision(project: str, number: int, review: dict[str, Any]) -> None:
    signature, seal = review.get("signature"), review.get("seal")
    if signature is None:
        return  # decided before decisions were signed when made: nothing to check it against
    digest = signature.get("decision_hash")
    if digest != digest_of(review["decision"]):
        raise BackupFailed(_unreadable(project, number, "decision_hash"))
    if seal is not None and (
        seal.get("hash") != hash_of(seal) or seal.get("details", {}).get("decision_hash") != digest
    ):
        raise BackupFailed(_unreadable(project, number, "seal"))


def _check_logged(project: str, records: list[Record], log: ProjectLog, before_journal: bool) -> None:
    held = {str(event.get("event_id")) for record in records for event in record.events}
    first = 0
    if before_journal:  # the events logged before the journal's first were kept in project.json
        first = next((n for n, e in enumerate(log.entries) if e.event_id in held), len(log.entries))
    asked = [e for e in log.entries[first:] if e.action in REVIEW_EVENT_ACTIONS]
    for entry in asked:
        if entry.event_id not in held:
            raise BackupFailed(
                said(
                    "backup_review_lost",
                    project=project,
                    number=entry.number,
                    action=entry.action,
                    event=entry.event_id,
                )
            )


def _unreadable(project: str, number: int, error: str) -> Said:
    return said("backup_review_unreadable", project=project, number=number, error=error)
