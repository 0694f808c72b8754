"""Acts of force told by a verb: the means that gives the finer CAMEO code, who attacks
when the text names no one, shootings, arrests without a doer, and riots.

compute only; used by `events.extract` when it codes a verb of force.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.resolve import Actor
from .clauses import SUBJ, is_passive, lemma_of
from .violence import cause_lemmas

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
HARM_VERBS = {"kill", "wound", "injure", "hurt", "maim", "slay", "murder"}
# Blades and rammings are assault, not bombing or fighting: "wounded in a mass stabbing" is a
# physical assault (182; 1823 when it kills), "a vehicle-ramming attack" unconventional
# violence (180). CAMEO 1.1b3 codes 180, 182, 1823.
BLADE_WORDS = frozenset({"stabbing", "stab", "knife", "knifing", "machete", "axe",
                         "screwdriver", "blade", "knifeman"})
RAMMING_WORDS = frozenset({"ramming", "ram"})
KILL_VERBS = frozenset({"kill", "slay", "murder"})
# Moving into a territory is not done by its means ("Russian tanks crossed the border"), nor
# is downing ("jets shot down two drones" is 190, not an air strike).
MOVE_VERBS = frozenset({"enter", "cross"})
# The means named with a killing gives the finer CAMEO code, checked in this order.
MEANS = ((BLADE_WORDS, "182"), (RAMMING_WORDS, "180"),
         ({"suicide"}, "1831"), ({"car", "vehicle", "truck"}, "1832"),
         ({"roadside"}, "1833"), ({"ied", "improvised", "improvise"}, "1834"),
         ({"airstrike", "air", "drone", "warplane", "jet", "aerial", "helicopter", "missile"},
          "195"),
         ({"shelling", "shell", "artillery", "mortar", "rocket", "tank"}, "194"),
         ({"gunfire", "shooting", "gunman", "sniper", "gun", "rifle"}, "193"),
         ({"bomb", "bombing", "explosion", "blast", "explosive", "bomber"}, "183"))


def means_code(v: Token) -> str | None:
    """'killed in a suicide car bombing', 'a roadside bomb killed', 'killed by an IED'."""
    words: set[str] = cause_lemmas(v)  # a toll's cause: "killed and 5 injured by a bomber"
    for c in v.children:
        if c.dep_ in SUBJ | {"agent", "prep"} and (c.dep_ != "prep" or c.lower_ in {
                "in", "by", "with", "during"}):
            words.update(lemma_of(t) for t in c.subtree)
    if not words & ({"bomb", "bombing", "explosion", "blast", "explosive", "bomber", "strike",
                     "airstrike", "raid", "shelling", "shell", "artillery", "mortar", "rocket",
                     "gunfire", "shooting", "gunman", "sniper", "device", "ied", "drone",
                     "tank", "warplane", "attack", "missile"} | BLADE_WORDS | RAMMING_WORDS):
        return None
    for cues, code in MEANS:
        if words & cues:
            return "1823" if code == "182" and lemma_of(v) in KILL_VERBS else code
    return None


def unnamed_assailant(v: Token, targets: list[Actor]) -> list[Actor]:
    """'four people are wounded in a mass stabbing at a hospital in Shanghai': a knife or
    ramming attack on civilians whose attacker is not named was done by one of them, a
    civilian of the same country (as the gold codes it); the attack's noun names them."""
    if not targets or any(t.sector != "CVL" for t in targets):
        return []
    for c in v.children:
        if c.dep_ not in {"agent", "prep"} or c.lower_ not in {"in", "by", "during"}:
            continue
        for t in c.subtree:
            if t.pos_ == "NOUN" and (lemma_of(t) in BLADE_WORDS | RAMMING_WORDS
                                     or t.lower_.endswith("-ramming")):
                head = t.head if t.dep_ == "compound" else t
                words = v.doc[head.left_edge.i: head.i + 1]
                return [replace(targets[0], text=words.text, start_char=words.start_char,
                                end_char=words.end_char, head_i=head.i, kind="sector",
                                via="assailant")]
    return []


# Sectors that fight: a shooting by or at them is small-arms fighting (193); gunmen of no
# force (UAF) firing at people who do not fight are not.
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "INS", "SPY", "SEP"})
# People whose killing is an assassination (186) when they are shot as persons.
PROMINENT_SECTORS = frozenset({"ELI", "GOV", "LEG", "OPP", "PTY", "JUD"})


def shooting_code(sources: list[Actor], targets: list[Actor]) -> str:
    """'a gunman opened fire on shoppers', 'the activist was shot dead': shooting at
    people who do not fight, by someone who is not an armed force, is no fighting (193) but
    unconventional violence (180), or an assassination (186) when a prominent person is
    shot, as the gold guideline codes shootings (docs/annotation.md); troops, police and
    rebels firing keep 193."""
    if not targets or any(a.kind == "country" or a.sector in ARMED_SECTORS | {"GOV"}
                          for a in sources) \
            or any(a.sector is None or a.sector in ARMED_SECTORS | {"UAF"} for a in targets):
        return "193"  # states and forces fight; a country shot at is fought
    if all(a.person and a.sector in PROMINENT_SECTORS for a in targets):
        return "186"
    return "180"


ARREST_VERBS = frozenset({"arrest", "detain", "apprehend", "handcuff", "nab"})


def arresting_police(v: Token, targets: list[Actor]) -> list[Actor]:
    """'the perpetrator is arrested', 'with 200 people arrested': an arrest told without its
    doer is made by the police of the place (a bare role that the story's country
    completes, as the gold codes such arrests); not when the one arrested is a country."""
    if lemma_of(v) not in ARREST_VERBS or v.tag_ != "VBN" or not targets \
            or any(a.kind == "country" for a in targets):
        return []
    if not (is_passive(v) or v.dep_ == "acl") or any(c.dep_ == "agent" for c in v.children):
        return []
    return [Actor("COP", v.text, v.idx, v.idx + len(v.text), sector="COP", kind="sector",
                  via="implied", head_i=v.i)]


# Crowds of a protest: their force against the police or a building is a violent protest
# (CAMEO 145, "protest violently, riot"), not fighting.
PROTEST_HEADS = frozenset({"protester", "protestor", "demonstrator", "rioter", "crowd", "mob"})


def _protesters(a: Actor, doc: Doc) -> bool:
    return 0 <= a.head_i < len(doc) and lemma_of(doc[a.head_i]) in PROTEST_HEADS


def riot(v: Token, sources: list[Actor], targets: list[Actor]
          ) -> tuple[list[Actor], list[Actor]] | None:
    """Protesters using force, or clashing with the police ("police clashed with
    protesters"), riot: the protesters are the source and the police or the place the
    target. None when no protesters are on either side or troops fire on them."""
    doc = v.doc
    crowd_src = [a for a in sources if _protesters(a, doc)]
    if crowd_src and len(crowd_src) == len(sources):
        return sources, targets
    crowd_tgt = [a for a in targets if _protesters(a, doc)]
    if crowd_tgt and sources and all(a.sector == "COP" for a in sources) \
            and lemma_of(v) in {"clash", "skirmish", "battle"}:
        return crowd_tgt, sources
    return None
