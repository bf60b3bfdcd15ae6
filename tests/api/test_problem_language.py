"""Problems in the request's language: `?lang=`, else Accept-Language, else French. An Arabic request gets its
title, detail and field errors in Arabic, with no English word but the identifiers it quotes."""

from __future__ import annotations

import re

import httpx

from tests.api.conftest import ROOT, YAML, Server, new_project
from tests.core.test_field_errors import BAD

ARABIC = {"Accept-Language": "ar"}
# What an Arabic message may quote as it is: values between quotes, codes and keys of the format.
_QUOTED = re.compile(r"'[^']*'|«[^»]*»|\"[^\"]*\"")
_IDENTIFIERS = {"ISO", "MA", "FR", "US", "schema_version", "true", "false", "a", "b"}


def english_words(text: str) -> list[str]:
    """The Latin-script words of a text, quoted values and identifiers aside."""
    return [w for w in re.findall(r"[A-Za-z_]+", _QUOTED.sub(" ", text)) if w not in _IDENTIFIERS]


def arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _problem(answer: httpx.Response, status: int) -> dict[str, object]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = answer.json()
    return body


def test_field_errors_and_title_of_an_arabic_request_are_in_arabic(live: Server) -> None:
    with live.client("atlas") as client:
        ar = _problem(client.post("/api/v1/evaluate", content=BAD.encode(), headers=YAML | ARABIC), 422)
        fr = _problem(client.post("/api/v1/evaluate", content=BAD.encode(), headers=YAML), 422)
        query = _problem(
            client.get("/api/v1/projects", params={"limit": "0", "verdict": "nope"}, headers=ARABIC), 422
        )
        missing = _problem(client.get("/api/v1/projects/nope", headers=ARABIC), 404)
    assert ar["title"] == "محتوى غير صالح" and ar["detail"] == "الملف المقدم لا يطابق الصيغة المطلوبة"
    assert fr["title"] == "Contenu invalide" and fr["detail"] == "la soumission ne respecte pas le format"
    assert query["title"] == "محتوى غير صالح" and missing["title"] == "غير موجود"
    messages = [str(e["message"]) for e in ar["errors"] + query["errors"]]  # type: ignore[operator]
    assert len(messages) >= 10
    for message in messages:
        assert arabic(message) and english_words(message) == [], message
    by_path = {e["path"]: e["message"] for e in ar["errors"]}  # type: ignore[attr-defined]
    assert by_path["body.cndp.formality"].endswith("هل تقصد «declaration»؟")
    french = {e["path"]: e["message"] for e in fr["errors"]}  # type: ignore[attr-defined]
    assert french["body.cndp.formality"].endswith("vouliez-vous dire « declaration » ?")


def test_the_lang_parameter_wins_over_accept_language(live: Server) -> None:
    with live.client("atlas") as client:
        en = client.post(
            "/api/v1/evaluate", params={"lang": "en"}, content=BAD.encode(), headers=YAML | ARABIC
        )
        english = client.post(
            "/api/v1/evaluate", content=BAD.encode(), headers=YAML | {"Accept-Language": "en-GB, fr;q=0.5"}
        )
    for answer in (en, english):
        problem = _problem(answer, 422)
        assert problem["title"] == "Unprocessable Content"
        assert problem["detail"] == "the submission does not fit the format"


def test_english_words_are_found_outside_identifiers() -> None:
    assert english_words("مفتاح غير معروف؛ هل تقصد «processes_personal_data»؟") == []
    assert english_words('اكتب schema_version: "1.1"') == []
    assert english_words("unknown key; did you mean 'x'?") == ["unknown", "key", "did", "you", "mean"]


def test_the_service_refusals_are_in_the_request_language(live: Server) -> None:
    with live.client("atlas") as client:
        fr = _problem(client.get("/api/v1/projects/prj_0000000000000000"), 404)
        ar = _problem(client.get("/api/v1/projects/prj_0000000000000000", headers=ARABIC), 404)
        en = _problem(
            client.get("/api/v1/projects/prj_0000000000000000", headers={"Accept-Language": "en"}), 404
        )
    assert (fr["title"], fr["detail"]) == ("Introuvable", "projet introuvable")
    assert (ar["title"], ar["detail"]) == ("غير موجود", "المشروع غير موجود")
    assert (en["title"], en["detail"]) == ("Not Found", "no such project")


def test_a_refusal_worded_with_values_is_in_the_request_language(live: Server) -> None:
    """An action the version's state does not allow: the action and the states in words, in Arabic and in
    French; the English stays for an English reader."""
    with live.client("atlas") as client:
        project_id = new_project(client, "kyc-onboarding-cin")
        facts = (ROOT / "examples" / "kyc-onboarding-cin.yaml").read_text(encoding="utf-8")
        assert client.post(f"/api/v1/projects/{project_id}/versions", content=facts, headers=YAML).is_success
    path = f"/api/v1/projects/{project_id}/versions/1/review/actions"
    with live.client("liaison") as client:
        assert client.post(path, json={"action": "start_review", "revision": 1}).status_code == 200
        again = {"action": "start_review", "revision": 2}
        ar = _problem(client.post(path, json=again, headers=ARABIC), 409)
        fr = _problem(client.post(path, json=again), 409)
        en = _problem(client.post(path, json=again, headers={"Accept-Language": "en"}), 409)
    assert arabic(str(ar["detail"])) and english_words(str(ar["detail"])) == [], ar["detail"]
    assert "قيد المراجعة" in str(ar["detail"])
    assert "n'est pas permis sur une version en examen" in str(fr["detail"]), fr["detail"]
    assert "is not allowed on a version that is in review" in str(en["detail"]), en["detail"]


JSON = "application/json"
WHOLE_TEXTS = [  # a body at fault as a whole: empty, not a mapping, not YAML, binary, not UTF-8, too deep...
    (b" \n", YAML["Content-Type"]),
    (b"[1, 2]\n", YAML["Content-Type"]),
    (b"a: b: c\n", YAML["Content-Type"]),
    (b'{"a": "\x00"}', JSON),
    (b'{"a": 1,\n "a": 2}', JSON),
    (b'{"a": "\xff"}', JSON),
    (b"[" * 5000 + b"]" * 5000, JSON),
    (b'{"schema_version": "1.1", "revision": 1e999}', JSON),
    (b'{"schema_version": "1.1", "revision": ' + b"9" * 5000 + b"}", JSON),
]


def test_a_stored_submission_is_refused_in_the_request_language_as_a_dry_run_is(live: Server) -> None:
    """`POST …/versions` worded its field errors in English whatever the request's language, and neither it nor
    `/evaluate` translated the problems of a whole text (empty, not a mapping, not YAML)."""
    with live.client("atlas") as client:
        versions = f"/api/v1/projects/{new_project(client, 'words of a refusal')}/versions"
        for headers in (ARABIC, {}, {"Accept-Language": "en"}):
            dry = _problem(client.post("/api/v1/evaluate", content=BAD.encode(), headers=YAML | headers), 422)
            stored = _problem(client.post(versions, content=BAD.encode(), headers=YAML | headers), 422)
            assert stored["errors"] == dry["errors"], headers
        whole = [
            _problem(client.post(path, content=body, headers={"Content-Type": media} | headers), 422)
            for path in ("/api/v1/evaluate", versions)
            for body, media in WHOLE_TEXTS
            for headers in (ARABIC, {})
        ]
    for arabic_problem, french_problem in zip(whole[::2], whole[1::2], strict=True):
        ar_errors, fr_errors = arabic_problem["errors"], french_problem["errors"]
        assert isinstance(ar_errors, list) and isinstance(fr_errors, list)
        (ar,), (fr,) = ar_errors, fr_errors
        assert arabic(ar["message"]) and set(english_words(ar["message"])) <= {"YAML", "JSON", "UTF"}, ar
        assert fr["key"] == ar["key"] and not fr["message"].startswith(("empty", "expected", "not valid")), fr
