"""Names no rule file declares, as what a figure is said of (factlint.unknown_subjects)."""

from __future__ import annotations

import pytest

from factlint.entities import Mention
from factlint.unknown_subjects import UnknownSubjects
from tests.conftest import quantity_in


def _subject(linter, text: str, lang: str, number: str) -> tuple[str, ...]:
    return quantity_in(linter, text, lang, number).subject


# (language, text, the number, what it is said of)
SUBJECTS = [
    # a model number shows a name, wherever it stands
    ("en", "Step-3 has 321 billion parameters in total.", "321", ("step3",)),
    ("it", "L'Ascend 910C unisce due chip 910B in un unico package.", "due", ("ascend910c",)),
    # a name written after a lowercase word elsewhere in the article
    (
        "en",
        "Azure generated $57bn of revenue in fiscal 2025. Microsoft expects rival Azure "
        "growth to slow.",
        "$57bn",
        ("azure",),
    ),
    (
        "it",
        "Il motore della crescita è Yuewen, l'assistente per i consumatori della start-up, "
        "che ad agosto ha toccato 58 milioni di utenti attivi mensili.",
        "58",
        ("yuewen",),
    ),
    (
        "en",
        "In July the Pentagon agreed to invest $400mn in MP Materials.",
        "$400mn",
        ("pentagon",),
    ),
    # the name nearest the number in its clause
    (
        "it",
        "A gennaio Donald Trump aveva promesso che Stargate avrebbe creato oltre 100.000 "
        "posti di lavoro.",
        "oltre",
        ("stargate",),
    ),
    # a place after a locative says where, not who
    (
        "en",
        "Analysts follow Transsion closely. Transsion's revenue in Japan fell to $2 billion.",
        "$2",
        ("transsion",),
    ),
    (
        "it",
        "Gli analisti seguono Transsion. I ricavi di Transsion nella Grande Cina sono scesi "
        "a 2 miliardi di dollari.",
        "2 miliardi",
        ("transsion",),
    ),
    # a possessive shows a name, though only sentences open with it
    (
        "en",
        "Netflix expects 190 million subscribers by December. Netflix's shares fell.",
        "190",
        ("netflix",),
    ),
    # a phrase for the company refers back to the one no rule lists that opens the
    # sentence before, when the article names no listed one
    (
        "it",
        "I sindacati chiedono a Stellantis un piano. Stellantis ha pubblicato oggi i conti "
        "del semestre. Il gruppo ha chiuso il semestre con ricavi netti per 66,1 miliardi di "
        "euro.",
        "66,1",
        ("stellantis",),
    ),
    (
        "en",
        "Unions want a plan from Stellantis. Stellantis published its results on Tuesday. The "
        "group posted net revenues of €74.3 billion in the first half.",
        "74.3",
        ("stellantis",),
    ),
    # a run of capitalised words is one name, keyed by its first word
    (
        "en",
        "In Italy, the operator Eridania Data Centers will hire 400 workers.",
        "400",
        ("eridania",),
    ),
]

# (language, text, the number): figures no unlisted name is the subject of
NO_SUBJECT = [
    # the first word of a sentence shows no name
    ("en", "Companies are investing 85 billion dollars in new plants.", "85"),
    ("it", "Aziende e governi investono 85 miliardi di dollari.", "85"),
    # ... nor a possessive of a common word, nor a contraction
    ("en", "Companies are investing 85 billion dollars. Today's plants are old.", "85"),
    ("en", "Here's why: chipmakers expect 85 billion dollars in orders.", "85"),
    # months, days and offices are not names
    ("en", "In August, the market for chips grew to 40 billion dollars.", "40"),
    ("it", "Il Governo ha stanziato 5 miliardi di euro per i data center.", "5"),
    ("en", "Dec 10 - Chinese firms are preparing 36 new data centres.", "36"),
    # a source, not a subject
    (
        "it",
        "Secondo il sindaco di Castel San Giovanni, l'indotto potrebbe valere 500 posti di "
        "lavoro. Ne parla anche il sindaco di Castel San Giovanni.",
        "500",
    ),
    # a known name nearer the number is what it is said of, or its place
    (
        "it",
        "Il quotidiano di Confindustria ricorda che le aziende cinesi hanno pianificato 36 "
        "nuovi data center. Lo scrive il quotidiano di Confindustria.",
        "36",
    ),
    # a place in a compound adjective is none, though written inside a sentence elsewhere
    (
        "en",
        "Shares closed up on Shanghai's STAR Market. The Shanghai-based company's revenue "
        "jumped to 743 million yuan.",
        "743",
    ),
    # ... nor the town before the state of one ("the Los Gatos, California-based company")
    (
        "en",
        "Shares of the streaming group fell in Los Gatos. Net income rose to $2.27bn, the Los "
        "Gatos, California-based company said, below the $6.97 a share analysts expected.",
        "$6.97",
    ),
    # a phrase for the company after a sentence that opens with two is no one's
    (
        "en",
        "Unions want a plan from Stellantis and Renault. Stellantis and Renault published "
        "results on Tuesday. The group posted net revenues of €74.3 billion.",
        "74.3",
    ),
    # a name inside another word ("CloudMatrix") is none
    ("en", "The CloudMatrix 384 links 384 Ascend chips.", "384 Ascend"),
]


@pytest.mark.parametrize(("lang", "text", "number", "subject"), SUBJECTS)
def test_an_unlisted_name_is_what_a_figure_is_said_of(
    linter, lang: str, text: str, number: str, subject: tuple[str, ...]
) -> None:
    assert _subject(linter, text, lang, number) == subject


@pytest.mark.parametrize(("lang", "text", "number"), NO_SUBJECT)
def test_words_that_show_no_name_are_no_subject(linter, lang: str, text: str, number: str) -> None:
    assert _subject(linter, text, lang, number) == ()


@pytest.mark.parametrize(
    ("lang", "text", "number", "subject"),
    [
        # the phrase before the name refers back to the company last named
        (
            "it",
            "DeepSeek ha pubblicato il rapporto. La società fondata da Liang Wenfeng indica "
            "un costo di 5,6 milioni di dollari.",
            "5,6",
            ("deepseek",),
        ),
        (
            "en",
            "Nvidia shipped the H20. Reuters reported that the company sold 500,000 units.",
            "500,000",
            ("nvidia",),
        ),
        # one inside an aside after the name does not
        (
            "it",
            "Microsoft ha pubblicato i conti. Azure, la piattaforma cloud del gruppo di "
            "Redmond, ha superato i 75 miliardi di dollari di ricavi. Cresce anche Azure.",
            "75",
            ("azure",),
        ),
    ],
)
def test_a_phrase_for_the_company_before_the_name_wins(
    linter, lang: str, text: str, number: str, subject: tuple[str, ...]
) -> None:
    assert _subject(linter, text, lang, number) == subject


def test_a_name_that_opens_its_sentence_before_an_aside_is_the_subject() -> None:
    masked = "Yuewen, the assistant, had 35 million users. The rival Yuewen grew."
    names = UnknownSubjects(masked, [], frozenset({"the"}), lambda start, end: False)
    assert names.of((0, 44), 0, 22, 27) == (0, 6, "yuewen")
    # not after a reporting cue: then it is the source
    cited = UnknownSubjects(masked, [], frozenset({"the"}), lambda start, end: True)
    assert cited.of((0, 44), 0, 22, 27) is None


def test_a_name_a_known_mention_covers_is_not_unlisted() -> None:
    masked = "Nvidia Data Center revenue reached 41 billion. The rival Data grew."
    nvidia = Mention("nvidia", "company", 0, 6, "Nvidia")
    names = UnknownSubjects(masked, [nvidia], frozenset(), lambda start, end: False)
    assert names.of((0, 46), 0, 0, 35) is None
