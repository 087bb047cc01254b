"""The company the sentences before carry on to a figure (factlint.topics)."""

from __future__ import annotations

import re

import pytest

from factlint.entities import Mention
from factlint.topics import TopicWords, opens_with_concept, opens_with_name, topic_owner
from tests.conftest import quantity_in

# (language, text, the number, what it is said of)
CARRIED = [
    (
        "en",
        "TSMC posted a 39.1% jump in third-quarter net profit on Thursday, beating "
        "forecasts. Net income for the July-September quarter rose to NT$452.3 billion.",
        "452.3",
        ("tsmc",),
    ),
    (
        "it",
        "Il boom dell'intelligenza artificiale continua a gonfiare i conti di TSMC. L'utile "
        "netto del trimestre luglio-settembre sale a 542,3 miliardi di dollari taiwanesi.",
        "542,3",
        ("tsmc",),
    ),
    (
        "it",
        "Baidu ha pubblicato mercoledì i conti del secondo trimestre. I ricavi sono stati "
        "pari a 37,2 miliardi di yuan, con la pubblicità ancora in difficoltà.",
        "37,2",
        ("baidu",),
    ),
    # the sentence before opens with its subject, and names another company after it
    (
        "en",
        "Tencent has kept spending heavily on AI infrastructure despite tighter US curbs on "
        "the sale of Nvidia chips to China. Capital expenditure in the second quarter rose to "
        "19.1 billion yuan.",
        "19.1",
        ("tencent",),
    ),
    (
        "it",
        "Alibaba continua a investire nonostante le restrizioni sui chip di Nvidia. Le spese "
        "in conto capitale del trimestre sono salite a 38,6 miliardi di yuan.",
        "38,6",
        ("alibaba",),
    ),
    # after a period phrase that opens the sentence
    (
        "it",
        "Tencent ha diffuso ieri i risultati. Nel terzo trimestre il fatturato ha raggiunto "
        "192,9 miliardi di yuan.",
        "192,9",
        ("tencent",),
    ),
    (
        "en",
        "Alibaba reported results on Thursday. Quarterly revenue came in at 247.7 billion "
        "yuan, ahead of estimates.",
        "247.7",
        ("alibaba",),
    ),
    # what follows the verb says how the figure changed, not whose it is
    (
        "it",
        "Huawei presenta la nuova strategia dopo un semestre di profitti in calo. L'utile "
        "netto dei primi sei mesi è sceso del 32% a 37,2 miliardi di yuan.",
        "37,2",
        ("huawei",),
    ),
    (
        "en",
        "Tencent has kept spending heavily on AI infrastructure. Capital expenditure in the "
        "second quarter more than doubled from a year earlier to 19.1 billion yuan.",
        "19.1",
        ("tencent",),
    ),
    # a period named by the day it ended is no word of reach
    (
        "it",
        "Micron Technology ha chiuso l'esercizio con un trimestre record. I ricavi del quarto "
        "trimestre fiscale, chiuso il 28 agosto, sono saliti del 46% a 11,32 miliardi di "
        "dollari.",
        "11,32",
        ("micron",),
    ),
    # a part named by a concept, across a relative clause, in the quarter named before
    (
        "it",
        "Nvidia ha chiuso il secondo trimestre dell'esercizio fiscale 2026 con ricavi "
        "superiori alle attese. I ricavi del trimestre, chiuso il 27 luglio, sono saliti "
        "a 46,7 miliardi di dollari. I ricavi della divisione data center, che comprende i "
        "processori e le apparecchiature di rete, sono saliti a 35,8 miliardi di dollari.",
        "35,8",
        ("nvidia",),
    ),
    # a quarter named by its months
    (
        "it",
        "Tencent ha migliorato anche la redditività. L'utile netto del periodo aprile-giugno "
        "è salito del 17% a 65,6 miliardi di yuan.",
        "65,6",
        ("tencent",),
    ),
    # a name after the number's clause is not what it is of
    (
        "it",
        "Tencent non intende rallentare. Nel secondo trimestre le spese in conto capitale "
        "sono salite a 16,2 miliardi di yuan, destinate ai data center che servono Hunyuan.",
        "16,2",
        ("tencent",),
    ),
    # the company two sentences back, with none named in between
    (
        "en",
        "Meta published its results on Wednesday. The shares jumped after the bell. Net "
        "income was $18.3 billion.",
        "18.3",
        ("meta",),
    ),
]

# A clause that opens with its concept, after a word joining it to the one before.
CARRIED += [
    (
        "it",
        "Sony ha presentato i conti. I ricavi sono saliti del 7,4% a 1,77 miliardi di euro, "
        "mentre l'utile netto è stato di 382 milioni di euro.",
        "382",
        ("sony",),
    ),
    (
        "it",
        "Sony ha presentato i conti. I ricavi sono saliti del 7,4% a 1,77 miliardi di euro, "
        "con un utile netto di 382 milioni di euro.",
        "382",
        ("sony",),
    ),
    (
        "en",
        "Sony reported results on Tuesday. Revenue rose 17% to $11.51 billion in the "
        "quarter ended in September, whereas net income came in at $2.5 billion.",
        "2.5",
        ("sony",),
    ),
]

# A name no rule lists, when the article has named no listed company: the source its
# sentence quotes, or the subject that opens the sentence before.
CARRIED += [
    (
        "en",
        "**TOKYO, Nov 4** – Nintendo raised its forecasts on Tuesday, after Nintendo shares "
        "rose. Net sales more than doubled to 1.10 trillion yen in the first half of the "
        "fiscal year, the company said.",
        "1.10",
        ("nintendo",),
    ),
    (
        "it",
        "I ricavi del primo semestre, secondo quanto comunicato da Nintendo, si sono "
        "attestati a 967 miliardi di yen.",
        "967",
        ("nintendo",),
    ),
    (
        "it",
        "I ricavi del trimestre sono saliti a 4,2 miliardi di euro, ha comunicato Prysmian.",
        "4,2",
        ("prysmian",),
    ),
    (
        "en",
        "Shares of Spotify rose on Tuesday. Spotify added 11 million subscribers in the "
        "quarter. Revenue rose 12% to 4.3 billion euros.",
        "4.3",
        ("spotify",),
    ),
    (
        "it",
        "Le azioni di Ferrari sono salite. Ferrari ha alzato le stime. I ricavi dell'esercizio "
        "saliranno a 7,1 miliardi di euro.",
        "7,1",
        ("ferrari",),
    ),
]

# (language, text, the number): figures whose sentence carries no topic on
# The company its sentence quotes as the figure's source: it is the topic.
CARRIED += [
    (
        "en",
        "Iconiq led the Series F round. Run-rate revenue has topped $5 billion, Anthropic "
        "said, up from about $1 billion at the start of the year.",
        "5 billion",
        ("anthropic",),
    ),
    (
        "it",
        "Il round è stato guidato da Iconiq. I ricavi del trimestre sono saliti a 184,5 "
        "miliardi di yuan, ha comunicato Tencent.",
        "184,5",
        ("tencent",),
    ),
    # ... under two names
    (
        "en",
        "Shares rose in Taipei. Revenue rose 11% to NT$2.06 trillion, Hon Hai, or Foxconn, said.",
        "2.06",
        ("foxconn",),
    ),
    # the nearest sentence naming a company decides, though one before names another
    (
        "it",
        "Foxconn assembla server per Nvidia. L'utile netto di Foxconn è salito a 57,67 "
        "miliardi di dollari taiwanesi. I ricavi del trimestre sono cresciuti dell'11% a "
        "2.060 miliardi di dollari taiwanesi.",
        "2.060",
        ("foxconn",),
    ),
]

# A sentence that opens with a phrase standing for the company carries it one sentence
# further; so does a sentence that names it only further in, for a name no rule lists.
CARRIED += [
    (
        "en",
        "Nvidia said on Tuesday it had taken a charge. The charge relates to a levy in "
        "Brazil. The company said most of it related to earlier years. Net income rose 8% "
        "to $2.27bn.",
        "2.27",
        ("nvidia",),
    ),
    (
        "it",
        "Netflix ha chiuso il trimestre con un onere straordinario. L'onere riguarda un "
        "contributo che Netflix contestava da anni in Brasile. La società ha spiegato che "
        "la spesa riguarda anni precedenti. L'utile netto è salito dell'8% a 2,55 miliardi "
        "di dollari.",
        "2,55",
        ("netflix",),
    ),
    (
        "en",
        "Netflix said on Tuesday that a tax dispute had cost it about $619m. The charge "
        "relates to a Brazilian levy, which Netflix had been contesting. The company said "
        "most of the expense related to earlier periods. Net income in the third quarter "
        "rose 8% to $2.27bn, the Los Gatos, California-based company said.",
        "2.27",
        ("netflix",),
    ),
]

# An item of a list whose lead-in names the company and the period.
CARRIED += [
    (
        "it",
        "Netflix ha pubblicato i conti.\n\nQuesti i principali dati del terzo trimestre di "
        "Netflix:\n\n- utile operativo: 2,86 miliardi di dollari (+12%);\n- utile netto: "
        "2,55 miliardi di dollari;\n- free cash flow: 2,66 miliardi di dollari.",
        "2,55",
        ("netflix",),
    ),
    (
        "en",
        "These were Arm's main figures for the quarter:\n\n- Revenue: $1.14 billion, up 34%"
        "\n- Royalties: $620 million, up 21%\n- Licensing revenue: $515 million, up 56%\n"
        "- Revenue forecast for the December quarter: $1.225 billion",
        "1.225",
        ("arm",),
    ),
]

NOT_CARRIED = [
    # two companies quoted: neither is sure
    (
        "en",
        "Revenue rose to $5 billion, Anthropic and Amazon said.",
        "5 billion",
    ),
    # a company named after the number, but not as its source
    (
        "en",
        "Revenue rose to $5 billion, well ahead of OpenAI.",
        "5 billion",
    ),
    # the concept does not open the sentence
    (
        "en",
        "Baidu reported results on Wednesday. Analysts had expected revenue of RMB 32.1 "
        "billion for the quarter.",
        "32.1",
    ),
    # the figure is of a part of the company
    ("en", "Nvidia reported results. Revenue from gaming rose to $4.3 billion.", "4.3"),
    ("en", "Nvidia reported results. Sales to China dropped to $2.8 billion.", "2.8"),
    (
        "it",
        "Alibaba ha pubblicato i conti. I ricavi della divisione cloud sono saliti a 33,4 "
        "miliardi di yuan.",
        "33,4",
    ),
    (
        "it",
        "Baidu ha pubblicato i conti. I ricavi fuori dalla Cina sono stati pari a 3 miliardi "
        "di yuan.",
        "3 miliardi",
    ),
    # two companies before: no topic
    (
        "en",
        "Alibaba and Tencent reported results on the same day. Revenue rose to 250 billion yuan.",
        "250",
    ),
    # a name after the number in its clause is what it is of
    (
        "it",
        "Anthropic userà i fondi per la ricerca. Il round è il secondo per dimensioni dopo i "
        "40 miliardi di dollari ottenuti a marzo da OpenAI.",
        "40",
    ),
    # the sentence before names two companies, and opens with neither
    (
        "en",
        "US curbs on Nvidia chips have not slowed Tencent. Capital expenditure in the second "
        "quarter rose to 19.1 billion yuan.",
        "19.1",
    ),
    # ... or with both
    (
        "en",
        "Tencent and Alibaba kept spending heavily on Nvidia chips. Capital expenditure in "
        "the second quarter rose to 19.1 billion yuan.",
        "19.1",
    ),
    # nothing before
    ("en", "Revenue rose to $5 billion in the quarter.", "$5"),
    # the sentence before opens with a company's possessive and names its rival
    (
        "en",
        "Huawei's smartphone rival Xiaomi is also designing its own processors. Revenue for "
        "the first half rose 38% to 227.3 billion yuan.",
        "227.3",
    ),
    # a joined clause that ties its concept to something else
    (
        "it",
        "Sony ha presentato i conti. I ricavi sono saliti del 7,4% a 1,77 miliardi di euro, "
        "mentre i ricavi della divisione giochi sono stati di 382 milioni di euro.",
        "382",
    ),
    # a name no rule lists: two quoted, or one not quoted as the source
    ("en", "Revenue rose to 4.3 billion euros, Spotify and Deezer said.", "4.3"),
    (
        "en",
        "Shares of Spotify rose. Revenue rose to 4.3 billion euros, more than at rival Deezer.",
        "4.3",
    ),
    # ... or one the sentence before names further in, when the sentence before that
    # opens with another
    (
        "en",
        "Spotify reported results on Tuesday. The charge relates to a levy which Deezer had "
        "been contesting. Revenue rose to 4.3 billion euros.",
        "4.3",
    ),
    # a list does not carry a company across a heading to the items of another list
    (
        "it",
        "- **Fabbisogno**: oltre 60.000 GPU Nvidia H200 per i data center cinesi.\n"
        "- **Chip per server**: 8 GPU H200 per ogni nodo.\n- **Alternativa**: acceleratori "
        "Ascend.\n\n## Terre rare\n\n- **Estrazione**: la quota cinese delle terre rare "
        "estratte nel mondo è intorno al 60%.",
        "60%",
    ),
    # ... or one opening a sentence after the article named a listed company: TSMC's
    # chief, not a company
    (
        "it",
        "TSMC ha presentato i conti. Le azioni sono salite. Il mercato ha reagito bene. Wei "
        "ha detto che la domanda resta forte, come ha ricordato anche Wei. I ricavi del "
        "trimestre sono saliti a 33 miliardi di dollari.",
        "33",
    ),
]


@pytest.mark.parametrize(("lang", "text", "number", "subject"), CARRIED)
def test_a_figure_with_no_one_in_its_sentence_is_the_topic_company(
    linter, lang: str, text: str, number: str, subject: tuple[str, ...]
) -> None:
    assert quantity_in(linter, text, lang, number).subject == subject


@pytest.mark.parametrize(("lang", "text", "number"), NOT_CARRIED)
def test_a_figure_tied_to_something_else_takes_no_topic(
    linter, lang: str, text: str, number: str
) -> None:
    assert quantity_in(linter, text, lang, number).subject == ()


def test_a_product_named_before_the_figure_is_its_subject_not_the_topic(linter) -> None:
    text = "Nvidia ha presentato i conti. I ricavi dell'H20 sono scesi a 2,8 miliardi di dollari."
    assert quantity_in(linter, text, "it", "2,8").subject == ("h20 20",)


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # the period of the sentence that names the company
        (
            "Baidu ha pubblicato mercoledì i conti del secondo trimestre. I ricavi sono stati "
            "pari a 37,2 miliardi di yuan.",
            ("q2",),
        ),
        # two periods before: neither
        (
            "Baidu ha confrontato il secondo trimestre con il primo trimestre. I ricavi sono "
            "stati pari a 37,2 miliardi di yuan.",
            (),
        ),
    ],
)
def test_the_topic_brings_its_period(linter, text: str, periods: tuple[str, ...]) -> None:
    assert quantity_in(linter, text, "it", "37,2").periods == periods


_WORDS = TopicWords(
    concept=re.compile(r"(?<!\w)(?:net income|revenue|ricavi)(?!\w)"),
    articles=frozenset({"the", "i", "l'"}),
    ties=frozenset({"for", "from", "of", "in", "at", "del", "della", "dell'", "a"}),
)


def _opens(text: str) -> bool:
    lowered = text.lower()
    number = re.search(r"\d", lowered)
    assert number is not None
    periods = [
        (m.start(), m.end(), "quarter")
        for m in re.finditer(r"third quarter|quarter|trimestre|dell'esercizio", lowered)
    ]
    return opens_with_concept(_WORDS, lowered, (0, number.start()), periods)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Net income for the July-September quarter rose to 452.3", True),
        ("In the third quarter, revenue came in at 57", True),
        ("I ricavi del trimestre sono stati pari a 37,2", True),
        # a period phrase that holds its preposition
        ("I ricavi dell'esercizio sono stati pari a 37,2", True),
        ("Revenue for 2024 was 133", True),
        ("Revenue from advertising fell to 12", False),
        ("Revenue at the cloud unit rose to 4", False),
        ("I ricavi della divisione cloud salgono a 33", False),
        ("Analysts expected revenue of 32.1", False),
        # too far from its concept to be sure the concept is its
        (
            "Revenue, which the group has long said would slow once the boom in demand for "
            "its chips began to fade, rose to 57",
            False,
        ),
    ],
)
def test_what_opens_with_a_concept(text: str, opens: bool) -> None:
    assert _opens(text) is opens


def test_the_topic_is_the_one_company_of_the_nearest_sentence_naming_one() -> None:
    baidu = Mention("baidu", "company", 0, 5, "Baidu")
    again = Mention("baidu", "company", 30, 35, "Baidu")
    alibaba = Mention("alibaba", "company", 10, 17, "Alibaba")
    china = Mention("china", "place", 20, 25, "Cina")
    kinds = frozenset({"company"})
    assert topic_owner([[china, again], [baidu]], kinds) == again
    assert topic_owner([[baidu, alibaba]], kinds) is None
    # a sentence naming no company is read past; a nearer one naming one decides
    assert topic_owner([[china], [again]], kinds) == again
    assert topic_owner([[again], [alibaba]], kinds) == again
    assert topic_owner([], kinds) is None


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Tencent has kept spending despite curbs on Nvidia chips.", True),
        ("- Tencent's capital expenditure doubled.", True),
        ("Tencent and Alibaba kept spending.", False),
        ("Tencent, Alibaba and Baidu kept spending.", False),
        ("Tencent e Alibaba hanno speso.", False),
        ("Analysts say Tencent outspends Alibaba.", False),
    ],
)
def test_a_sentence_that_opens_with_its_subject(text: str, opens: bool) -> None:
    words = TopicWords(
        concept=re.compile("capex"),
        articles=frozenset(),
        ties=frozenset(),
        joiners=frozenset({"and", "e"}),
    )
    start = text.index("Tencent")
    name = Mention("tencent", "company", start, start + len("Tencent"), "Tencent")
    assert opens_with_name(words, text.lower(), 0, name) is opens
