"""Words a College reviewer would question in a psychotherapist's advertising.

The College of Registered Psychotherapists of Ontario counts a practice's website as
advertising (Professional Practice Standard 6.2, Advertising, crpo.ca). This module
reads a text the therapist wrote and names each phrase that standard speaks against,
with the rule. It only advises: the admin shows the findings after saving and never
refuses a text, because only she can judge a phrase in its context (a quoted line in an
article about attachment research is not a testimonial).

Pure functions on plain strings; no Django. Every pattern is a plain alternation read
once over the text (no nested repetition), so the work grows with the text's length only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    text: str


TESTIMONIAL = Rule(
    "6.2.2",
    "CRPO standard 6.2.2: registrants do not request testimonials or use them in "
    "their advertising, including quoted praise from clients and star ratings.",
)
SUPERLATIVE = Rule(
    "6.2.4",
    "CRPO standard 6.2.4: advertising does not use comparisons to others or "
    "superlatives, or suggest that the practice is unique.",
)
PROMISE = Rule(
    "6.2.4",
    "CRPO standard 6.2.4: advertising does not promise a result that cannot be "
    "delivered, or appeal to a person's fears.",
)
SPECIALISATION = Rule(
    "6.2.7",
    "CRPO standard 6.2.7: an area of practice is advertised only with verifiable "
    "training in it; the College recognises no specialties, so 'specialist' or "
    "'expert' claims cannot be verified. Say what you offer or have trained in.",
)

# What is being praised or compared, when a superlative is about the practice.
_SERVICE = (
    r"(?:therapists?|psychotherapists?|counsell?ors?|counsell?ing|therapy|therapies|"
    r"psychotherapy|care|practice|practices|clinics?|services?|treatments?|results?|"
    r"support|help|experts?|providers?|choice)"
)

_PATTERNS: list[tuple[Rule, str]] = [
    # Testimonials and ratings.
    (TESTIMONIAL, r"\btestimonials?\b"),
    (TESTIMONIAL, r"\bwhat (?:my|our) clients (?:say|said|are saying)\b"),
    (TESTIMONIAL, r"\b(?:client|customer) (?:reviews|stories|feedback)\b"),
    (TESTIMONIAL, r"\b(?:5|five)[- ]stars?\b"),
    (TESTIMONIAL, r"★"),
    (TESTIMONIAL, r"\b(?:i|we) (?:highly |would )?recommend (?:her|him|them|shikha)\b"),
    (TESTIMONIAL, r"\bhighly recommended?\b"),
    (TESTIMONIAL, r"\bchanged my life\b"),
    (TESTIMONIAL, r"\bsaved (?:my|our) (?:marriage|relationship|life)\b"),
    (TESTIMONIAL, r"\bvoted (?:best|top|#\s?1|number one)\b"),
    # Superlatives, comparisons, uniqueness.
    (SUPERLATIVE, rf"\b(?:the|ontario'?s|toronto'?s|hamilton'?s) best {_SERVICE}\b"),
    (SUPERLATIVE, rf"\bbest {_SERVICE} in\b"),
    (
        SUPERLATIVE,
        r"\bbest in (?:ontario|canada|toronto|hamilton|the gta|town|class)\b",
    ),
    (
        SUPERLATIVE,
        rf"\b(?:a|the|ontario'?s|canada'?s) leading {_SERVICE}\b|\bleading experts?\b",
    ),
    # "#1" but not a Markdown heading ("### 1. Secure") or an HTML entity ("&#1…").
    (SUPERLATIVE, r"(?<![\w&#])#1\b|\bnumber one\b|\bno\. ?1\b"),
    (SUPERLATIVE, r"\btop[- ](?:rated|ranked|notch)\b|\btop " + _SERVICE + r"\b"),
    (
        SUPERLATIVE,
        r"\bmost (?:effective|successful|caring|experienced|trusted|qualified|"
        r"skilled|compassionate|knowledgeable|respected)\b",
    ),
    (
        SUPERLATIVE,
        r"\b(?:better|more effective|more successful|faster|superior) than "
        r"(?:other|any|most|traditional|typical)\b",
    ),
    (
        SUPERLATIVE,
        r"\b(?:world[- ]class|unmatched|unparalleled|unrivall?ed|second to none|"
        r"premier|renowned|award[- ]winning|one of a kind)\b",
    ),
    (
        SUPERLATIVE,
        r"\bunique (?:approach|method|methods|program|programme|practice|technique|"
        r"system)\b",
    ),
    (SUPERLATIVE, rf"\bthe only {_SERVICE} (?:that|who|to|in)\b"),
    # Guarantees, promised outcomes, fear.
    (PROMISE, r"\bguarantee(?:s|d)?\b"),
    (PROMISE, r"\bcur(?:e|es|ed|ing)\b"),
    (PROMISE, r"\b(?:will|we can|i can) (?:fix|heal|cure|solve|save|repair)\b"),
    (PROMISE, r"\bfix (?:your|any) (?:relationship|marriage|attachment|anxiety)\b"),
    (PROMISE, r"\b100 ?(?:%|percent\b)"),
    (PROMISE, r"\bproven (?:to|results?|method|methods|success)\b"),
    (PROMISE, r"\bpermanent(?:ly)? (?:results?|relief|change|cure)\b"),
    (PROMISE, r"\byou will (?:feel better|be healed|heal|never|finally)\b"),
    (PROMISE, r"\bget rid of (?:your )?(?:anxiety|depression|trauma|fear)\b"),
    (PROMISE, r"\bnever (?:feel|be) (?:anxious|alone|hurt|lonely) again\b"),
    (PROMISE, r"\bbefore it'?s too late\b|\bdon'?t wait until\b"),
    # Specialist claims the College cannot verify.
    (SPECIALISATION, r"\bspeciali[sz](?:e|es|ed|ing|ation|ations)\b"),
    (SPECIALISATION, r"\bspecialists?\b|\bspeciali?t(?:y|ies)\b"),
    (SPECIALISATION, r"\bexperts? (?:in|on|at)\b|\b(?:an|the) expert\b"),
    (
        SPECIALISATION,
        r"\b(?:trauma|relationship|attachment|couples?|narcissistic abuse) experts?\b",
    ),
]
_COMPILED = [(rule, re.compile(p, re.IGNORECASE)) for rule, p in _PATTERNS]

# A quotation is praise when the words inside it thank or commend, in the first person.
_QUOTATION = re.compile(r"[“\"]([^”\"\n]{1,400})[”\"]")
_PRAISE = re.compile(
    r"\b(?:helped me|helped us|thank you|thanks to|i recommend|we recommend|"
    r"amazing|wonderful therapist|best therapist|life[- ]changing|grateful|"
    r"i feel so much better|she helped|he helped)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    phrase: str
    rule: Rule

    def __str__(self) -> str:
        return f"“{self.phrase}”: {self.rule.text}"


def check(text: str) -> list[Finding]:
    """Each questionable phrase in the text once, in the order it first appears."""
    hits: list[tuple[int, int, Finding]] = []
    for rule, pattern in _COMPILED:
        for match in pattern.finditer(text):
            hits.append((match.start(), match.end(), Finding(match.group(0), rule)))
    for match in _QUOTATION.finditer(text):
        if _PRAISE.search(match.group(1)):
            hits.append(
                (match.start(), match.end(), Finding(match.group(0), TESTIMONIAL))
            )
    seen: set[tuple[str, str]] = set()
    taken: dict[str, int] = {}  # per rule, where the last accepted phrase ends
    findings = []
    for start, end, finding in sorted(hits, key=lambda hit: (hit[0], -hit[1])):
        key = (finding.phrase.lower(), finding.rule.code)
        # "the best therapy in" matches two patterns of one rule: name it once.
        overlaps = start < taken.get(finding.rule.code, -1)
        if key not in seen and not overlaps:
            seen.add(key)
            taken[finding.rule.code] = end
            findings.append(finding)
    return findings


def check_all(texts: dict[str, str]) -> dict[str, list[Finding]]:
    """The findings of each named text that has any."""
    return {name: found for name, text in texts.items() if (found := check(text or ""))}
