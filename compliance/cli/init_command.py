"""`compliance init`: write a first submission file by answering questions in the terminal (fr, ar, en).

An empty answer means "I don't know yet": the field is left out and listed, commented, at the end of the file
with its question, so the file is valid from the first minute and says what remains to be stated.
`--template` writes that commented file without asking anything.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from compliance.cli.exit_codes import ExitCode
from compliance.cli.help_texts import N_, tr
from compliance.domain.vocabulary import DataCategory, DataSubject, LegalBasis
from compliance.service.submissions import InvalidSubmission, parse_submission


@dataclass(frozen=True)
class Question:
    path: str
    text: str  # English, the message id: `asked(lang)` is the question in the reader's language
    kind: str = "text"  # text, bool, int, list, choice, choices
    choices: type[StrEnum] | None = None
    needs_personal_data: bool = True

    def asked(self, lang: str) -> str:
        return tr(lang, self.text)


QUESTIONS: list[Question] = [
    Question(
        "project_name",
        N_("Name of the project"),
        needs_personal_data=False,
    ),
    Question(
        "description",
        N_("What does the project do, in one or two sentences?"),
        needs_personal_data=False,
    ),
    Question(
        "processes_personal_data",
        N_("Does the project process personal data (voice, image, name, number…)?"),
        kind="bool",
        needs_personal_data=False,
    ),
    Question(
        "controller.name",
        N_("Legal name of the controller (your company)"),
    ),
    Question(
        "controller.established_in_morocco",
        N_("Is the controller established in Morocco?"),
        kind="bool",
    ),
    Question(
        "processings[0].name",
        N_("Name of the processing as it would appear in the CNDP declaration"),
    ),
    Question(
        "processings[0].purposes",
        N_("Purposes of the processing (separated by ';')"),
        kind="list",
    ),
    Question(
        "processings[0].legal_basis",
        N_("Legal ground of the processing (Art. 4)"),
        kind="choice",
        choices=LegalBasis,
    ),
    Question(
        "processings[0].data_categories",
        N_("Categories of data (separated by commas)"),
        kind="choices",
        choices=DataCategory,
    ),
    Question(
        "processings[0].data_subjects",
        N_("Data subjects (separated by commas)"),
        kind="choices",
        choices=DataSubject,
    ),
    Question(
        "processings[0].retention.period_days",
        N_("How long data are kept, in days"),
        kind="int",
    ),
    Question(
        "ai.inference.provider",
        N_("Provider of the AI model (or 'in-house')"),
    ),
    Question(
        "ai.inference.provider_country",
        N_("Country where the model is called (two-letter code, e.g. MA, FR, US)"),
    ),
    Question(
        "ai.voice.collects_voice",
        N_("Does the system record voices?"),
        kind="bool",
    ),
]

_YES = {"o", "oui", "y", "yes", "نعم", "true"}
_NO = {"n", "non", "no", "لا", "false"}


def _parse(q: Question, answer: str) -> Any:
    """The answer as the field's value; ValueError when it cannot be one."""
    if q.kind == "bool":
        word = answer.strip().lower()
        if word in _YES or word in _NO:
            return word in _YES
        raise ValueError(answer)
    if q.kind == "int":
        return int(answer)
    if q.kind == "list":
        return [p.strip() for p in answer.split(";") if p.strip()]
    if q.kind == "choice" and q.choices is not None:
        return q.choices(answer.strip()).value
    if q.kind == "choices" and q.choices is not None:
        return [q.choices(p.strip()).value for p in answer.split(",") if p.strip()]
    return answer.strip()


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    node: Any = data
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part[:-3], [{}])[0] if part.endswith("[0]") else node.setdefault(part, {})
    node[parts[-1]] = value


def ask(lang: str, read: Callable[[str], str], say: Callable[[str], None]) -> dict[str, Any]:
    """Ask every question that applies; return the answers by field path (unknown ones left out)."""
    answers: dict[str, Any] = {}
    say(tr(lang, "Answer the questions; leave empty if you do not know yet."))
    for q in QUESTIONS:
        if q.needs_personal_data and answers.get("processes_personal_data") is False:
            continue
        hint = ""
        if q.kind == "bool":
            hint = f" [{tr(lang, 'yes/no')}]"
        elif q.choices is not None:
            hint = f" [{', '.join(c.value for c in q.choices)}]"
        while True:
            raw = read(f"{q.asked(lang)}{hint}" + (" : " if lang == "fr" else ": "))  # French typography
            if not raw.strip():
                break
            try:
                answers[q.path] = _parse(q, raw)
                submission_text(answers, lang, "submission.yaml")  # the answer fits the model
                break
            except (ValueError, InvalidSubmission):
                answers.pop(q.path, None)
                say(tr(lang, "Answer not understood, try again (or leave empty)."))
    return answers


def submission_text(answers: dict[str, Any], lang: str, file_name: str) -> str:
    """The commented YAML file: the answers, then the open questions as comments."""
    data: dict[str, Any] = {"schema_version": "1.0"}
    data["project_name"] = answers.get("project_name") or tr(lang, "My project")
    for path, value in answers.items():
        if path != "project_name":
            _set(data, path, value)
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    header = tr(
        lang,
        "Law 09-08 submission written by `compliance init`. Check it with: compliance check {file}",
        file=file_name,
    )
    lines = [f"# {header}", "", body.rstrip(), ""]
    open_questions = [q for q in QUESTIONS if q.path not in answers and q.path != "project_name"]
    if open_questions:
        lines.append("# " + tr(lang, "Questions not answered yet (add the field when you know):"))
        lines += [f"#   {q.path}: {q.asked(lang)}" for q in open_questions]
    text = "\n".join(lines) + "\n"
    parse_submission(text.encode("utf-8"), file_name)  # never write a file that would not validate
    return text


def add_init_command(sub: Any, lang: str) -> None:
    i = sub.add_parser(
        "init", help=tr(lang, "write a first submission file, question by question (fr, ar, en)")
    )
    i.add_argument(
        "file",
        type=Path,
        nargs="?",
        default=Path("submission.yaml"),
        help=tr(lang, "the submission file to write (default: submission.yaml)"),
    )
    i.add_argument(
        "--template",
        action="store_true",
        help=tr(lang, "write the commented template without asking (default: off)"),
    )
    i.add_argument(
        "--force", action="store_true", help=tr(lang, "replace the file if it exists (default: off)")
    )


def run_init_command(args: argparse.Namespace) -> int | None:
    if args.command != "init":
        return None
    lang: str = args.lang
    target: Path = args.file
    if target.exists() and not args.force:
        sys.stderr.write(tr(lang, "{file} already exists (add --force to replace it)", file=target) + "\n")
        return ExitCode.INVALID

    def say(message: str) -> None:
        sys.stdout.write(message + "\n")

    def read(prompt: str) -> str:
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = sys.stdin.readline()
        return line.rstrip("\n")

    answers = {} if args.template else ask(lang, read, say)
    try:
        text = submission_text(answers, lang, target.name)
    except InvalidSubmission as exc:
        for problem in exc.worded(lang):
            sys.stderr.write(f"  {problem}\n")
        return ExitCode.INVALID
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    say(tr(lang, "File written: {file}", file=target))
    return ExitCode.OK
