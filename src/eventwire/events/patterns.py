"""Event pattern dictionary: verb and noun triggers with their constraints -> CAMEO codes.

The format (YAML, a list of mappings) is documented in docs/dictionaries.md:

    - id: sign-agreement        # unique rule id, shown on every event it codes
      code: "057"               # CAMEO 1.1b3 code (a string)
      verbs: [sign, ink]        # trigger verb lemmas (or nouns: [visit])
      objects: [agreement, deal, memorandum]   # optional: lemma the object must have
      preps: [with]             # optional: a preposition that must attach to the trigger
      particle: off             # optional: the verb particle ("cut off")
      complement: [talk]        # optional: a lemma in the complement ("urge X to resume talks")
      target: [obj, with, to]   # optional: where the target is, in order (subject_obj:
                                #   the subject of a clausal complement, "demanded that X go")
      symmetric: true           # optional: compound subjects code each direction
      reverse: true             # optional: the target slot holds the doer ("received aid from X")
      clausal: true             # optional: the trigger governs a to-clause ("threatened to …");
                                #   such a fallback gives way to an event coded in the clause
      passive_target: subject   # optional: in the passive the subject is the target (default)
      judged: true              # optional: the words are a statement's judgement of its subject
                                #   ("the regime has squandered ..."): source = the issuer,
                                #   target = the subject; no event outside a statement
      labelled: true            # optional: a verb of labelling ("called X a traitor"): the
                                #   label's words give the code (events/labels_rule.py)
      subject_sectors: [MIL]    # optional: the doer must be an actor of one of these sectors
                                #   ("troops entered Kharkiv"; "the delegation entered" is not)

Loaded once into an immutable `PatternSet` indexed by trigger lemma. Errors name the
file, line and problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .. import ontology
from ..errors import DictionaryError

KEYS = {"id", "code", "verbs", "nouns", "objects", "preps", "particle", "complement", "target",
        "symmetric", "notes", "object_actor", "subject_not", "clausal", "reverse", "judged",
        "subject_sectors", "labelled"}
TARGET_SLOTS = {"obj", "iobj", "to", "with", "against", "on", "at", "toward", "towards", "for",
                "from", "into", "in", "over", "by", "of", "about", "between", "upon", "across",
                "among", "inside", "outside", "near", "onto", "through", "within", "xcomp_obj",
                "subject_obj", "poss", "behind", "as", "before", "along", "off", "around",
                "out", "beyond", "under", "past", "throughout"}


class _Loader(yaml.SafeLoader):
    """YAML 1.2-style booleans: only true/false, so `on`, `off`, `no` stay words."""


_Loader.yaml_implicit_resolvers = {  # no YAML booleans, and dates stay strings
    k: [(tag, rx) for tag, rx in v
        if tag not in {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|false|False)$"),
                              list("tTfF"))

DEFAULT_TARGET = ("obj", "iobj", "to", "with", "against", "on", "at", "toward", "towards",
                  "into", "for", "over", "upon", "between", "subject_obj")


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    objects: frozenset[str]
    preps: frozenset[str]
    particle: str | None
    complement: frozenset[str]
    target: tuple[str, ...]
    symmetric: bool
    origin: str
    object_actor: bool = False      # the object must itself be an actor
    subject_not: frozenset[str] = frozenset()
    clausal: bool = False           # the trigger must govern a "to"-clause ("threatened to …")
    reverse: bool = False           # the target slot holds the doer ("received aid from X")
    judged: bool = False            # the issuer judges the subject ("has squandered ...")
    subject_sectors: frozenset[str] = frozenset()  # the doer's sector must be one of these
    labelled: bool = False          # a verb of labelling: the label's polarity gives the code

    @property
    def specificity(self) -> int:
        return (2 * bool(self.objects) + 2 * bool(self.complement) + bool(self.preps)
                + 2 * bool(self.particle) + bool(self.object_actor) + bool(self.clausal)
                + bool(self.subject_sectors))


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    by_verb: dict[str, tuple[Pattern, ...]]
    by_noun: dict[str, tuple[Pattern, ...]]

    @property
    def trigger_lemmas(self) -> frozenset[str]:
        return frozenset(self.by_verb) | frozenset(self.by_noun)


def _as_set(v: Any, key: str, origin: str, line: int) -> frozenset[str]:
    if v is None:
        return frozenset()
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise DictionaryError(origin, [(line, f"{key} must be a list of words")])
    return frozenset(x.strip().lower() for x in v)


def parse_patterns(text: str, origin: str) -> list[Pattern]:
    """Parse one YAML pattern file; every problem is collected with its line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DictionaryError(origin, [((mark.line + 1) if mark else 0,
                                        f"YAML error: {getattr(exc, 'problem', exc)}")]) from None
    if data is None:
        return []
    if not isinstance(data, list) or node is None:
        raise DictionaryError(origin, [(1, "the file must be a YAML list of patterns")])
    lines = [item.start_mark.line + 1 for item in node.value]  # type: ignore[attr-defined]
    out: list[Pattern] = []
    problems: list[tuple[int, str]] = []
    seen: set[str] = set()
    for item, line in zip(data, lines, strict=True):
        try:
            out.append(_one(item, origin, line, seen))
        except DictionaryError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DictionaryError(origin, problems)
    return out


def _one(item: Any, origin: str, line: int, seen: set[str]) -> Pattern:
    if not isinstance(item, dict):
        raise DictionaryError(origin, [(line, "each pattern must be a mapping")])
    unknown = set(item) - KEYS
    if unknown:
        raise DictionaryError(origin, [(line, f"unknown key(s) {sorted(unknown)}")])
    pid, code = item.get("id"), item.get("code")
    if not isinstance(pid, str) or not pid:
        raise DictionaryError(origin, [(line, "missing id")])
    if pid in seen:
        raise DictionaryError(origin, [(line, f"duplicate id {pid!r}")])
    seen.add(pid)
    if isinstance(code, int):
        raise DictionaryError(origin, [(line, f"{pid}: code must be quoted (\"0{code}\"?)")])
    if not isinstance(code, str) or not ontology.is_code(code):
        raise DictionaryError(origin, [(line, f"{pid}: {code!r} is not a CAMEO 1.1b3 code")])
    verbs = _as_set(item.get("verbs"), "verbs", origin, line)
    nouns = _as_set(item.get("nouns"), "nouns", origin, line)
    if not verbs and not nouns:
        raise DictionaryError(origin, [(line, f"{pid}: needs verbs or nouns")])
    target = tuple(_as_set(item.get("target"), "target", origin, line)) and tuple(
        x.lower() for x in ([item["target"]] if isinstance(item["target"], str)
                            else item["target"]))
    bad = [t for t in target if t not in TARGET_SLOTS]
    if bad:
        raise DictionaryError(origin, [(line, f"{pid}: unknown target slot(s) {bad}")])
    sectors = frozenset(x.upper() for x in _as_set(item.get("subject_sectors"),
                                                    "subject_sectors", origin, line))
    if any(not re.fullmatch(r"[A-Z]{3}", x) for x in sectors):
        raise DictionaryError(origin, [(line, f"{pid}: subject_sectors must be CAMEO sector "
                                              "codes of three letters (MIL, COP, REB)")])
    particle = item.get("particle")
    if particle is not None and not isinstance(particle, str):
        raise DictionaryError(origin, [(line, f"{pid}: particle must be a word")])
    return Pattern(
        id=pid, code=code, verbs=verbs, nouns=nouns,
        objects=_as_set(item.get("objects"), "objects", origin, line),
        preps=_as_set(item.get("preps"), "preps", origin, line),
        particle=particle.lower() if particle else None,
        complement=_as_set(item.get("complement"), "complement", origin, line),
        target=target or DEFAULT_TARGET, symmetric=bool(item.get("symmetric", False)),
        origin=f"{origin}:{line}", object_actor=bool(item.get("object_actor", False)),
        subject_not=_as_set(item.get("subject_not"), "subject_not", origin, line),
        clausal=bool(item.get("clausal", False)), reverse=bool(item.get("reverse", False)),
        judged=bool(item.get("judged", False)),
        subject_sectors=sectors, labelled=bool(item.get("labelled", False)),
    )


def _index(patterns: Sequence[Pattern]) -> PatternSet:
    by_verb: dict[str, list[Pattern]] = {}
    by_noun: dict[str, list[Pattern]] = {}
    for p in patterns:
        for v in p.verbs:
            by_verb.setdefault(v, []).append(p)
        for n in p.nouns:
            by_noun.setdefault(n, []).append(p)

    def order(d: dict[str, list[Pattern]]) -> dict[str, tuple[Pattern, ...]]:
        return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in d.items()}

    return PatternSet(tuple(patterns), order(by_verb), order(by_noun))


@lru_cache(maxsize=8)
def load_patterns(user_files: tuple[Path, ...] = ()) -> PatternSet:
    """The package's patterns plus user files (a user id replaces the builtin one)."""
    text = resources.files("eventwire.data").joinpath("events.yaml").read_text("utf-8")
    pats = parse_patterns(text, "events.yaml")
    for p in user_files:
        try:
            user_text = Path(p).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(str(p), [(0, f"cannot read: {exc}")]) from None
        user = parse_patterns(user_text, str(p))
        ids = {u.id for u in user}
        pats = [q for q in pats if q.id not in ids] + user
    return _index(pats)
