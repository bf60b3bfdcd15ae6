"""Decision records verify offline, and fail verification after any edit."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from compliance.domain.review import Decision, Judgement, ReviewState
from compliance.service.decisions import decision_hash, export_decision, sign_decision, verify_export
from compliance.storage.audit_chain import GENESIS, line_of, seal
from compliance.storage.records import AuditEvent
from compliance.storage.signing_keys import KeyFolderError, KeyRing, SigningKey

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def _decision() -> Decision:
    return Decision(
        project_id="prj_0123456789abcdef",
        organisation="atlas",
        version=2,
        decision=ReviewState.approved,
        opinion="Les constatations ont été corrigées ; le traitement peut être mis en œuvre.",
        liaison="key_0123456789ab",
        decided_at=NOW,
        submission_hash="sha256:" + "a" * 64,
        assessment_hash="sha256:" + "b" * 64,
        pack_id="law-09-08-ai",
        pack_version="0.1.0",
        pack_hash="sha256:" + "c" * 64,
        judgements={"L0908-A12-CIN": Judgement.confirmed},
    )


@pytest.fixture
def exported(tmp_path: Path) -> tuple[dict[str, Any], Path, SigningKey]:
    key = KeyRing(tmp_path / "keys").current()
    decision = _decision()
    first = seal(AuditEvent(actor="cli", action="org.created", target="atlas"), 1, NOW, GENESIS)
    sealing = seal(
        AuditEvent(
            actor="key_0123456789ab",
            action="version.decided",
            organisation="atlas",
            target="prj_0123456789abcdef/2",
            details={"decision_hash": decision_hash(decision), "key": key.fingerprint},
        ),
        2,
        NOW,
        first.hash,
    )
    log = tmp_path / "audit.jsonl"
    log.write_text(line_of(first) + "\n" + line_of(sealing) + "\n", encoding="utf-8")
    return export_decision(decision, sign_decision(decision, key), sealing.model_dump(mode="json")), log, key


def test_a_genuine_export_verifies(exported: tuple[dict[str, Any], Path, SigningKey]) -> None:
    doc, log, key = exported
    result = verify_export(json.loads(json.dumps(doc)), audit_log=log, pinned_fingerprints=[key.fingerprint])
    assert result.ok, result.problems
    assert len(result.checks) == 4


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("decision", "decision"), "rejected"),
        (("decision", "opinion"), "Avis modifié après coup."),
        (("decision", "submission_hash"), "sha256:" + "d" * 64),
        (("decision", "judgements", "L0908-A12-CIN"), "waived"),
        (("seal", "seq"), 7),
        (("seal", "details", "decision_hash"), "sha256:" + "e" * 64),
    ],
)
def test_any_edit_fails_verification(
    exported: tuple[dict[str, Any], Path, SigningKey], path: tuple[str, ...], value: Any
) -> None:
    doc, _, _ = exported
    edited = copy.deepcopy(doc)
    node = edited
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert not verify_export(edited).ok


def test_recomputing_the_hashes_does_not_forge_a_signature(
    exported: tuple[dict[str, Any], Path, SigningKey],
) -> None:
    doc, _, _ = exported
    forged = copy.deepcopy(doc)
    forged["decision"]["decision"] = "rejected"
    forged["decision_hash"] = decision_hash(forged["decision"])
    forged["seal"]["details"]["decision_hash"] = forged["decision_hash"]
    from compliance.storage.audit_chain import hash_of

    forged["seal"]["hash"] = hash_of(forged["seal"])
    result = verify_export(forged, pinned_fingerprints=[exported[2].fingerprint])
    assert result.problems == ["signature: does not match the decision hash"]


def test_a_forger_with_a_key_of_their_own_fails_without_and_with_a_trust_anchor(
    exported: tuple[dict[str, Any], Path, SigningKey], tmp_path: Path
) -> None:
    doc, log, key = exported
    forger = SigningKey.generate()
    forged = copy.deepcopy(doc)
    forged["decision"]["opinion"] = "Avis réécrit par un tiers, signé de sa propre clé."
    forged["decision_hash"] = decision_hash(forged["decision"])
    forged["seal"]["details"]["decision_hash"] = forged["decision_hash"]
    from compliance.storage.audit_chain import hash_of

    forged["seal"]["hash"] = hash_of(forged["seal"])
    forged["signature"] = export_decision(
        Decision.model_validate(forged["decision"]),
        sign_decision(Decision.model_validate(forged["decision"]), forger),
        forged["seal"],
    )["signature"]
    unanchored = verify_export(forged)
    assert not unanchored.ok and any("no trust anchor" in p for p in unanchored.problems)
    assert not verify_export(forged, pinned_fingerprints=[key.fingerprint]).ok
    assert not verify_export(forged, audit_log=log).ok


def test_a_seal_of_another_version_is_caught(exported: tuple[dict[str, Any], Path, SigningKey]) -> None:
    doc, _, key = exported
    other = copy.deepcopy(doc)
    other["decision"]["version"] = 3
    other["decision_hash"] = decision_hash(other["decision"])
    result = verify_export(other, pinned_fingerprints=[key.fingerprint])
    assert any("not the entry that decided this version" in p for p in result.problems)


def test_malformed_exports_are_reported_not_crashed(
    exported: tuple[dict[str, Any], Path, SigningKey],
) -> None:
    doc, _, key = exported
    broken: object
    for broken in (
        {**doc, "seal": {**doc["seal"], "details": "x"}},
        {**doc, "signature": "x"},
        [],
        {"format": 1},
    ):
        assert not verify_export(broken, pinned_fingerprints=[key.fingerprint]).ok


def test_a_signature_from_another_key_is_caught_by_the_pinned_fingerprint(
    exported: tuple[dict[str, Any], Path, SigningKey], tmp_path: Path
) -> None:
    doc, _, _ = exported
    other = SigningKey.generate()
    assert not verify_export(doc, pinned_fingerprints=[other.fingerprint]).ok


def test_a_seal_missing_from_the_log_is_caught(exported: tuple[dict[str, Any], Path, SigningKey]) -> None:
    doc, log, _ = exported
    log.write_text(log.read_text().splitlines()[0] + "\n")
    result = verify_export(doc, audit_log=log)
    assert any("is not in" in p for p in result.problems)


def test_the_signing_key_persists_and_stays_private(tmp_path: Path) -> None:
    import os

    old_umask = os.umask(0o022)
    try:
        a = KeyRing(tmp_path).current()
    finally:
        os.umask(old_umask)
    b = KeyRing(tmp_path).current()
    path = tmp_path / "signing-key.pem"
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint.startswith("sha256:") and len(a.fingerprint) == 7 + 64  # the full SHA-256
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o644)
    with pytest.raises(KeyFolderError, match="chmod 600"):
        KeyRing(tmp_path).current()


def test_a_short_fingerprint_is_refused(exported: tuple[dict[str, Any], Path, SigningKey]) -> None:
    doc, _, key = exported
    result = verify_export(doc, pinned_fingerprints=[key.fingerprint[:23]])
    assert any("64 hex digits" in p for p in result.problems)


def test_after_a_rotation_old_and_new_records_verify_with_the_key_that_signed_them(tmp_path: Path) -> None:
    ring = KeyRing(tmp_path / "keys")
    old_key = ring.current()
    old_record = _decision()
    old_doc = export_decision(old_record, sign_decision(old_record, old_key), {})
    retired, current = ring.rotate()
    assert retired.fingerprint == old_key.fingerprint and retired.retired_at is not None
    assert ring.current().fingerprint == current.fingerprint != old_key.fingerprint
    assert KeyRing(tmp_path / "keys").current().fingerprint == current.fingerprint  # it persists
    new_record = _decision().model_copy(update={"version": 3})
    new_doc = export_decision(new_record, sign_decision(new_record, ring.current()), {})
    assert new_doc["signature"]["key_fingerprint"] == current.fingerprint
    for doc, signer in ((old_doc, retired), (new_doc, current)):
        pinned = verify_export(doc, pinned_fingerprints=[signer.fingerprint])
        assert not any("signature" in p for p in pinned.problems), pinned.problems
        published = verify_export(doc, key_dir=tmp_path / "keys")
        assert not any("signature" in p for p in published.problems), published.problems
    wrong = verify_export(old_doc, pinned_fingerprints=[current.fingerprint])
    assert any("not a pinned or published key" in p for p in wrong.problems)


def test_a_forger_who_rewrites_the_log_too_is_caught_by_the_checkpoints_beside_it(tmp_path: Path) -> None:
    """Write access to the data folder (the log included) but not to the key folder: re-signing an edited
    record with one's own key and re-hashing the log from its seal on still fails `--audit-log`, because the
    command holds the log to the signed checkpoints of the key folder beside the data folder."""
    from compliance.cli.main import main
    from compliance.storage.audit_chain import hash_of
    from compliance.storage.audit_file import AuditLogFile
    from compliance.storage.signing_keys import default_key_dir

    data = tmp_path / "data"
    data.mkdir()
    ring = KeyRing(default_key_dir(data))
    log = AuditLogFile(data / "audit.log", data / "quarantine", ring)
    decision = _decision()
    signature = sign_decision(decision, ring.current())
    details = {"decision_hash": signature["decision_hash"], "key": ring.current().fingerprint}
    entry = log.append(
        AuditEvent(
            actor="key_0123456789ab",
            action="version.decided",
            organisation="atlas",
            target="prj_0123456789abcdef/2",
            details=details,
        )
    )
    log.append(AuditEvent(actor="cli", action="key.created", target="key_000000000001"))
    genuine = export_decision(decision, signature, entry.model_dump(mode="json"))
    (tmp_path / "genuine.json").write_text(json.dumps(genuine))
    assert (
        main(["verify-decision", str(tmp_path / "genuine.json"), "--audit-log", str(data / "audit.log")]) == 0
    )

    forger = SigningKey.generate()
    edited = decision.model_copy(update={"decision": ReviewState.rejected})
    forged_sig = sign_decision(edited, forger)
    lines = (data / "audit.log").read_text().splitlines()
    rewritten, prev = [], None
    for line in lines:
        fields = json.loads(line)
        if fields["action"] == "version.decided":
            fields["details"] = {"decision_hash": forged_sig["decision_hash"], "key": forger.fingerprint}
        if prev is not None:
            fields["prev_hash"] = prev
        fields["hash"] = hash_of(fields)
        prev = fields["hash"]
        rewritten.append(fields)
    (data / "audit.log").write_text("".join(json.dumps(f, sort_keys=True) + "\n" for f in rewritten))
    forged = export_decision(edited, forged_sig, rewritten[-2])
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    assert verify_export(forged, audit_log=data / "audit.log").ok  # the log alone vouches for what it holds
    assert (
        main(["verify-decision", str(tmp_path / "forged.json"), "--audit-log", str(data / "audit.log")]) == 1
    )
