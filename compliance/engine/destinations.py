"""Foreign destinations: every country abroad that personal data reach, from any part of the project, and the
transfer filing (F118) each one needs, with its reason in French, English and Arabic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from compliance.engine.acts import destination_acts

if TYPE_CHECKING:
    from compliance.domain.derived import ForeignDestination
    from compliance.domain.pack import RulePack
    from compliance.domain.pack_parts import AdequacyList
    from compliance.domain.plain_forms import PlainAdequacy

MOROCCO = "MA"


def lookup(d: Any, *keys: str) -> Any:
    """The value at `keys` in nested mappings, or None where one is missing."""
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def _add(found: dict[str, list[str]], country: Any, source: str) -> None:
    if isinstance(country, str) and country != MOROCCO:
        srcs = found.get(country)
        if srcs is None:
            found[country] = [source]
        elif source not in srcs:
            srcs.append(source)


def _destination_sources(facts: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for t in facts.get("transfers") or ():
        _add(found, t.get("country"), "transfers")
    for p in facts.get("processors") or ():
        _add(found, p.get("country"), "processors")
        for country in p.get("countries") or ():
            _add(found, country, "processors")
    ai = facts.get("ai")
    if not isinstance(ai, dict):
        return found
    inference = ai.get("inference")
    if not isinstance(inference, dict):
        inference = {}
    sends_personal = inference.get("prompts_contain_personal_data") is not False and not inference.get(
        "pii_redaction_before_call"
    )
    if sends_personal:
        # Self-hosted on servers abroad is still a transfer; the provider's country only stands in for an
        # unstated hosting country when the provider hosts the model.
        fallback = None if inference.get("self_hosted") else inference.get("provider_country")
        several = inference.get("hosting_countries") or ()
        _add(found, inference.get("hosting_country") or (None if several else fallback), "inference")
        for country in several:
            _add(found, country, "inference")
    face = ai.get("facial_recognition")
    if isinstance(face, dict):
        _add(found, face.get("hosting_country"), "facial_recognition")
    return found


def foreign_destinations(facts: dict[str, Any], pack: RulePack) -> list[ForeignDestination]:
    from compliance.domain.derived import ForeignDestination

    return [ForeignDestination(**d) for d in destination_facts(facts, pack.adequacy)]


def destination_facts(facts: dict[str, Any], adequacy: AdequacyList | PlainAdequacy) -> list[dict[str, Any]]:
    """The foreign destinations as `ForeignDestination` dumps them in JSON (its fields, in its order), against
    the pack's Art. 43 list (`AdequacyList`, or its plain form)."""
    if facts.get("processes_personal_data") is False:
        return []
    sources_of = _destination_sources(facts)
    if not sources_of:
        return []  # the usual case: nothing abroad, and nothing more to read
    transfers = facts.get("transfers") or []
    declared_countries = lookup(facts, "cndp", "declared", "transfers")
    has_transfer_act = bool(lookup(facts, "cndp", "transfer_authorisation_number"))
    acts = lookup(facts, "cndp", "acts") or []
    has_transfer_act = has_transfer_act or any(a.get("kind") == "transfer_authorisation" for a in acts)

    def covered(entries: list[dict[str, Any]]) -> bool:
        """A CNDP act covers this destination: its own authorisation number, or an Art. 44(3) authorisation
        claimed for it while the project holds a transfer authorisation number."""
        return any(
            t.get("cndp_authorisation_number")
            or (t.get("mechanism") == "cndp_authorisation" and has_transfer_act)
            for t in entries
        )

    out = []
    for country, sources in sources_of.items():
        entries = [t for t in transfers if t.get("country") == country]
        authorised_act, notified_act = destination_acts(facts, country)
        listed = adequacy.countries.get(country)

        def first(key: str, entries: list[dict[str, Any]] = entries) -> Any:
            return next((t[key] for t in entries if t.get(key) is not None), None)

        declared = country in declared_countries if declared_countries is not None else first("declared")
        notified = True if notified_act else first("notified_to_cndp")
        out.append(
            {
                "country": country,
                "sources": sources,
                "on_adequacy_list": listed is not None,
                "list_verified": bool(listed and listed.verified),
                "list_state": adequacy.state(country),
                "declared_transfer": bool(entries),
                "mechanism": first("mechanism"),
                "exception_justification": first("exception_justification"),
                "notified_to_cndp": notified,
                "declared_to_cndp": declared,
                "covered_by_cndp": authorised_act or covered(entries),
            }
        )
    return out


def filing_reason(
    country: str, sources: list[str], on_adequacy_list: bool, list_state: str
) -> dict[str, str]:
    """Why a destination needs its filing, in French, English and Arabic."""
    where = ", ".join(sources)
    if on_adequacy_list:
        reason = {
            "fr": f"Données envoyées vers {country} ({where}) : pays figurant sur la liste de l'art. 43 "
            f"(liste non vérifiée sur la délibération) ; le transfert reste à déclarer (art. 15(e)) et à "
            f"notifier (décret art. 46).",
            "en": f"Data sent to {country} ({where}): a country on the Art. 43 list (listing not verified "
            f"against the deliberation); the transfer must still be declared (Art. 15(e)) and notified "
            f"(Decree Art. 46).",
            "ar": f"معطيات مرسلة إلى {country} ({where}): بلد مدرج في قائمة المادة 43 (إدراج غير موثق مقارنة "
            f"بالمداولة)؛ يبقى النقل خاضعا للتصريح (المادة 15(هـ)) وللإشعار (المادة 46 من المرسوم).",
        }
    elif list_state == "doubtful":
        reason = {
            "fr": f"Données envoyées vers {country} ({where}) : pays absent de nos sources mais peut-être sur la "
            f"liste actuelle de l'art. 43 (à vérifier auprès de la CNDP) ; le transfert reste à déclarer "
            f"(art. 15(e)) et à notifier (décret art. 46).",
            "en": f"Data sent to {country} ({where}): a country absent from our sources but possibly on the "
            f"current Art. 43 list (to check with the CNDP); the transfer must still be declared (Art. 15(e)) "
            f"and notified (Decree Art. 46).",
            "ar": f"معطيات مرسلة إلى {country} ({where}): بلد غائب عن مصادرنا لكنه قد يكون في القائمة الحالية "
            f"للمادة 43 (يجب التحقق لدى اللجنة الوطنية)؛ يبقى النقل خاضعا للتصريح (المادة 15(هـ)) وللإشعار "
            f"(المادة 46 من المرسوم).",
        }
    else:
        reason = {
            "fr": f"Données envoyées vers {country} ({where}) : pays hors de la liste de l'art. 43 ; il faut "
            f"une dérogation de l'art. 44 ou une autorisation de la CNDP (F118).",
            "en": f"Data sent to {country} ({where}): a country not on the Art. 43 list; an Art. 44 "
            f"derogation or a CNDP authorisation (F118) is needed.",
            "ar": f"معطيات مرسلة إلى {country} ({where}): بلد غير مدرج في قائمة المادة 43؛ يلزم استثناء من "
            f"استثناءات المادة 44 أو إذن من اللجنة الوطنية (F118).",
        }
    return reason
