"""Documents: masking keeps offsets, positions are right, sentences split as news is written."""

from __future__ import annotations

import datetime
import textwrap

import pytest

from factlint.document import (
    detect_language,
    join_soft_breaks,
    make_document,
    mask_markdown,
    opens_list_item,
    parse_front_matter,
    split_sentences,
)

STOPWORDS = {
    "it": frozenset({"il", "la", "di", "che", "e", "è", "per", "non", "una", "con", "del"}),
    "en": frozenset({"the", "of", "and", "to", "in", "is", "that", "for", "with", "was"}),
}
ABBREVIATIONS = frozenset({"art", "s.p.a", "mld", "inc", "dr", "ecc", "u.s"})


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Testo `Qwen di Tencent` fine.", ["Qwen", "Tencent"], ["Testo", "fine."]),
        ("Prima\n```\nH100, evoluzione dell'H200\n```\nDopo", ["H100", "H200"], ["Prima", "Dopo"]),
        ("A\n~~~yaml\nx: 63 nuovi data center\n~~~\nB", ["63"], ["A", "B"]),
        ("Uno <!-- Qwen di Tencent --> due", ["Qwen"], ["Uno", "due"]),
        ("Uno <!--\nQwen di Tencent\n--> due", ["Qwen"], ["Uno", "due"]),
        ('Il <span class="x">chip</span> H200', ["span", "class"], ["chip", "H200"]),
        ("Vedi [il chip H200](https://example.com/H100) ora", ["https", "H100"], ["il chip H200"]),
        ("![GPU H100 di Huawei](img/h100.png) Testo", ["Huawei", "img"], ["Testo"]),
        # wrapped text carries a description or a link's text on to the next line
        ("![Il logo di Qwen, il modello di\nTencent](img/q.png) Testo", ["Qwen", "img"], ["Testo"]),
        ("Vedi [il chip\nH200](https://example.com/H100) ora", ["https", "H100"], ["H200"]),
        ("Un [elenco\n\nspezzato](https://example.com) qui", [], ["elenco", "spezzato"]),
        ("Link https://example.com/63-data-center qui", ["63", "example"], ["Link", "qui"]),
        ("Mail a redazione@example.com oggi", ["redazione", "example"], ["Mail", "oggi"]),
        ('[1]: https://example.com/x "Titolo"\nTesto', ["https", "Titolo"], ["Testo"]),
        ("**Qwen** di _Alibaba_", ["**", "_"], ["Qwen", "di", "Alibaba"]),
        ("## Titolo con H200\n\nTesto", ["##"], ["Titolo con H200"]),
        ("AT&amp;T e altri", ["&amp;"], ["AT", "T e altri"]),
        # Constructs that start a line, at the very start and after a line break.
        ("# Titolo H200\nTesto", ["#"], ["Titolo H200", "Testo"]),
        ("```\nQwen di Tencent\n```\nDopo", ["Qwen", "```"], ["Dopo"]),
        ("Prima\n   ## Sezione\nDopo", ["##"], ["Sezione", "Prima", "Dopo"]),
        ("Prima\r\n```\r\nH100\r\n```\r\nDopo", ["H100"], ["Prima", "Dopo"]),
        ("testo ``codice ` H100`` fine", ["H100", "codice"], ["testo", "fine"]),
        ("*Qwen* e __Doubao__ e ~~Ernie~~", ["*", "__", "~~"], ["Qwen", "Doubao", "Ernie"]),
        ("2 * 3 e a_b_c restano", [], ["2 * 3", "a_b_c"]),
        # a dateline says where the story was filed, not where its facts are
        ("BEIJING - Baidu reported revenue.", ["BEIJING"], ["Baidu reported revenue."]),
        ("Testo.\nROMA, 22 novembre – Il governo", ["ROMA", "novembre"], ["Il governo"]),
        ("Nvidia - la società", [], ["Nvidia - la società"]),
    ],
)
def test_mask_hides_markup_and_keeps_prose(text: str, hidden: list[str], kept: list[str]) -> None:
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    for part in hidden:
        assert part not in masked
    for part in kept:
        assert part in masked
        assert masked.index(part) == text.index(part)


def test_front_matter_is_masked_and_parsed() -> None:
    text = "---\nlang: en\ntitle: 63 data centers\ndate: 2025-12-01\n---\nBody 36.\n"
    meta, end, problem = parse_front_matter(text, "a.md")
    assert problem is None
    assert meta["lang"] == "en"
    assert text[end:] == "Body 36.\n"
    masked = mask_markdown(text, end)
    assert "63" not in masked and masked.endswith("Body 36.\n")


def test_broken_front_matter_is_a_problem_with_a_line() -> None:
    text = "---\ntitle: [unclosed\n---\nCorpo.\n"
    meta, end, problem = parse_front_matter(text, "a.md")
    assert meta == {}
    assert end > 0
    assert problem is not None and problem.path == "a.md" and problem.line is not None
    assert problem.message.startswith("front matter ignored")


@pytest.mark.parametrize(
    "header",
    [
        "title: Ferrari, trimestre senza sorprese. Vigna: «La Elettrica arriverà nel 2026»",
        "title: [unclosed",
    ],
)
def test_the_plain_fields_of_broken_front_matter_are_still_read(header: str) -> None:
    text = f"---\n{header}\ndate: 2025-11-05\nlang: it\n---\nCorpo.\n"
    meta, _, problem = parse_front_matter(text, "a.md")
    assert meta == {"date": datetime.date(2025, 11, 5), "lang": "it"}
    assert problem is not None and problem.line in (2, 3)
    assert "(date, lang)" in problem.message and "quotes" in problem.message


@pytest.mark.parametrize(
    ("text", "needle", "line", "column"),
    [
        ("uno\ndue H200", "H200", 2, 5),
        ("uno\r\ndue H200", "H200", 2, 5),
        ("uno\rdue H200", "H200", 2, 5),
        ("è già l’H200", "H200", 1, 9),
        ("🙂 emoji H200", "H200", 1, 9),
    ],
)
def test_positions_count_code_points(text: str, needle: str, line: int, column: int) -> None:
    doc = make_document("a.md", text, default_lang="it", stopwords=STOPWORDS)
    assert doc.position(text.index(needle)) == (line, column)


def test_line_text_strips_line_breaks() -> None:
    doc = make_document("a.md", "uno\r\ndue\n", default_lang="it", stopwords=STOPWORDS)
    assert doc.line_text(1) == "uno"
    assert doc.line_text(2) == "due"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il gruppo Alibaba S.p.A. ha annunciato Qwen. Tencent ha risposto.", 2),
        ("Secondo l'art. 36 del regolamento, la vendita è vietata. Poi altro.", 2),
        ("Investimenti per 1,5 mld. di euro nel settore. Nuova frase.", 2),
        ("Nvidia Inc. said it would comply. The U.S. government agreed.", 2),
        ("Titolo senza punto\nPrimo paragrafo. Secondo periodo!", 3),
        ("Il chip H200, evoluzione\ndell'H100, offre prestazioni.", 1),
        ("Domanda? Risposta.", 2),
        ("J. Smith wrote it. Then he left.", 2),
    ],
)
def test_sentences(text: str, expected: int) -> None:
    assert len(split_sentences(text, ABBREVIATIONS)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A blank line ends the sentence at its first line break; the next starts after it.
        ("Primo paragrafo.\n\nSecondo paragrafo.", ["Primo paragrafo.", "Secondo paragrafo."]),
        ("Riga senza punto\r\n\r\n  \r\nAltra riga", ["Riga senza punto\r\n", "Altra riga"]),
        ("Titolo\n\n \t\n\nTesto.", ["Titolo\n", "Testo."]),
        # After blank lines, a line that goes on in lowercase still belongs to what follows.
        ("Titolo\n\n  \ne poi il testo.", ["Titolo\n", "  \ne poi il testo."]),
        ("Uno.\rDue.\r\rTre.", ["Uno.", "Due.", "Tre."]),
        ("Il 5% delle GPU. e non altro. Fine.", ["Il 5% delle GPU. e non altro.", " Fine."]),
        ("Vale 3.5 miliardi. Poi.", ["Vale 3.5 miliardi.", " Poi."]),
        ("Davvero?! Sì… «Certo.» Fine", ["Davvero?!", " Sì…", " «Certo.»", " Fine"]),
        # a list item or a quote opens with its first word, not its marker
        (
            "Conti:\n- I ricavi salgono.\n- L'utile cala.",
            ["Conti:\n", "I ricavi salgono.", "L'utile cala."],
        ),
        ("1. Primo punto.\n2. Secondo punto.", ["Primo punto.", "Secondo punto."]),
        ("> «Cresceremo», ha detto.\n> Poi.", ["«Cresceremo», ha detto.", "Poi."]),
        # a line holding only a marker holds no sentence
        (">", []),
        ("> «Sì».\n>\n> Poi.", ["«Sì».", "Poi."]),
        ("- \n- Voce.", ["Voce."]),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text, ABBREVIATIONS)] == expected


def test_hard_wrapped_text_keeps_sentences_across_lines() -> None:
    lines = [
        "Il modello di punta del gruppo cinese, secondo quanto riferito ieri dalla",
        "stampa locale, si chiama Qwen ed è sviluppato dai laboratori del gruppo di",
        "Hangzhou, che da anni investe nel settore dei modelli linguistici di grandi",
        "dimensioni e che ora punta a competere con i principali laboratori del mondo.",
    ]
    assert len(split_sentences("\n".join(lines), ABBREVIATIONS)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Cina ha autorizzato le aziende e il governo che per la prima volta non", "it"),
        ("The company said that the chips were sold to the Chinese firms in the past", "en"),
        ("H200 H100 B200", "it"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text, STOPWORDS, default="it") == expected


def test_front_matter_language_wins() -> None:
    text = "---\nlang: en\n---\nLa Cina ha autorizzato le aziende e il governo che per la non\n"
    doc = make_document("a.md", text, default_lang="it", stopwords=STOPWORDS)
    assert doc.lang == "en"


@pytest.mark.parametrize(
    ("block", "simple"),
    [
        ('lang: it\ntitle: "La Cina autorizza ByteDance: via agli H200"\ndate: 2025-07-20\n', True),
        ("lang: en\ntitle: 'Nvidia results'\nauthor: Jane Doe\n", True),
        ("date: 2025-08-08\nsection: tech-news\n", True),
        # left to YAML: booleans, numbers, escapes, lists, comments, nesting
        ("draft: true\n", False),
        ("draft: No\n", False),
        ("year: 2025\n", False),
        ('title: "Say \\"hi\\""\n', False),
        ("tags: [ai, chips]\n", False),
        ("lang: it # Italian\n", False),
        ("author:\n  name: Jane\n", False),
        ("date: 2025-02-30\n", False),
        ("lang: it\nlang: en\n", False),
    ],
)
def test_simple_front_matter_reads_as_yaml_does(block: str, simple: bool) -> None:
    import yaml

    from factlint.document import _simple_front_matter

    read = _simple_front_matter(block)
    assert (read is not None) == simple
    if read is not None:
        assert read == yaml.safe_load(block)
    text = f"---\n{block}---\nBody.\n"
    meta, _, problem = parse_front_matter(text, "a.md")
    try:
        expected = yaml.safe_load(block)
    except ValueError:
        # a value YAML cannot build is a problem, never a traceback
        assert (meta, problem is not None) == ({}, True)
    else:
        assert (meta, problem) == (expected, None)


# (text, what it reads as): a line break inside a sentence is a space, as in Markdown
SOFT_BREAKS = [
    # wrapped text: a figure, a qualifier or a name goes on on the next line
    (
        "Nel trimestre aprile-giugno TSMC ha registrato un utile netto di oltre 341,6\n"
        "miliardi di dollari taiwanesi, contro i 361,56 miliardi del primo trimestre, e\n"
        "ha confermato gli investimenti previsti per l'anno in corso negli Stati Uniti.\n"
        "AMD ha presentato l'Instinct MI355X, successore dell'Instinct MI325X, e punta\n"
        "Instinct MI400 per il prossimo anno, con più memoria e una rete più veloce.",
        "Nel trimestre aprile-giugno TSMC ha registrato un utile netto di oltre 341,6 "
        "miliardi di dollari taiwanesi, contro i 361,56 miliardi del primo trimestre, e "
        "ha confermato gli investimenti previsti per l'anno in corso negli Stati Uniti. "
        "AMD ha presentato l'Instinct MI355X, successore dell'Instinct MI325X, e punta "
        "Instinct MI400 per il prossimo anno, con più memoria e una rete più veloce.",
    ),
    # a paragraph to a line: a line that starts in capitals starts a sentence
    (
        "Nvidia reported revenue of $46.7 billion.\nThe company said demand was strong.",
        "Nvidia reported revenue of $46.7 billion.\nThe company said demand was strong.",
    ),
    # ... but one that goes on in lowercase or with a figure continues it
    ("I ricavi sono saliti a\n46,7 miliardi.", "I ricavi sono saliti a 46,7 miliardi."),
    ("Il chip H200, evoluzione\ndell'H100.", "Il chip H200, evoluzione dell'H100."),
    # blank lines and list items always start anew; CRLF keeps the length
    ("Titolo\n\nprimo paragrafo.", "Titolo\n\nprimo paragrafo."),
    ("Punti:\n- uno\n- due", "Punti:\n- uno\n- due"),
    # only "1." opens a numbered list; a year may open a wrapped line
    ("Punti:\n1. uno\n2. due", "Punti:\n1. uno\n2. due"),
    ("Revenue rose in fiscal\n2026. The", "Revenue rose in fiscal 2026. The"),
    ("I ricavi sono saliti a\r\n46,7 miliardi.", "I ricavi sono saliti a  46,7 miliardi."),
    ("Titolo\r\n\r\nprimo paragrafo.", "Titolo\r\n\r\nprimo paragrafo."),
    ("Titolo \t\n  \nprimo paragrafo.", "Titolo \t\n  \nprimo paragrafo."),
]


@pytest.mark.parametrize(("text", "expected"), SOFT_BREAKS)
def test_a_line_break_inside_a_sentence_is_a_space(text: str, expected: str) -> None:
    assert join_soft_breaks(text) == expected


@pytest.mark.parametrize("width", [60, 80, 100, 120, 160])
def test_wrapped_text_is_told_at_any_width(width: int) -> None:
    # At each width some line of a paragraph starts with a name, in capitals.
    paragraphs = [
        "Nvidia said on Wednesday that revenue for the quarter ended July 27 reached $46.7 "
        "billion, as Microsoft, Meta, Alphabet and Amazon kept buying Blackwell systems and "
        "Oracle, CoreWeave and xAI signed new contracts for GB300 racks in Texas and Tennessee.",
        "Data center revenue rose to $41.1 billion. Gaming revenue was $4.3 billion.",
        "The company, which did not include any H20 shipments to China in its outlook, expects "
        "revenue of $54 billion in the current quarter, Chief Financial Officer Colette Kress "
        "told analysts on a call after the results were published in Santa Clara, California.",
    ]
    wrapped = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    joined = join_soft_breaks(wrapped).split("\n\n")
    assert [" ".join(p.split()) for p in joined] == paragraphs
    assert not any("\n" in p for p in joined)


# (text, its masked twin): no-break and thin spaces between words are spaces; between
# digits they group thousands
ODD_SPACES = [
    ("Llama 4\u00a0Maverick conta 400\u00a0miliardi", "Llama 4 Maverick conta 400 miliardi"),
    ("Nvidia\u202fH20 e 100\u202f000 GPU", "Nvidia H20 e 100\u202f000 GPU"),
    ("costa €\u00a046,7 e\u2009basta", "costa € 46,7 e basta"),
]


@pytest.mark.parametrize(("text", "masked"), ODD_SPACES)
def test_no_break_spaces_between_words_are_spaces(text: str, masked: str) -> None:
    doc = make_document("a.md", text, default_lang="it", stopwords=STOPWORDS)
    assert doc.masked == masked
    assert doc.text == text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_comment_line_inside_a_paragraph_leaves_its_sentence_whole(newline: str) -> None:
    lines = [
        "Nel terzo trimestre fiscale, chiuso il 31 ottobre, i ricavi di Dell sono",
        "<!-- expect: consistency.figure -->",
        "saliti dell'11% a 23,6 miliardi di dollari, ha comunicato la società.",
        "",
        "<!-- a note between paragraphs -->",
        "",
        "Il titolo è salito del 2%.",
    ]
    text = newline.join(lines) + newline
    doc = make_document("a.md", text, default_lang="it", stopwords=STOPWORDS)
    assert len(doc.masked) == len(text)
    sentences = [
        " ".join(doc.masked[start:end].split())
        for start, end in split_sentences(doc.masked, frozenset())
    ]
    assert sentences == [
        "Nel terzo trimestre fiscale, chiuso il 31 ottobre, i ricavi di Dell sono saliti "
        "dell'11% a 23,6 miliardi di dollari, ha comunicato la società.",
        "Il titolo è salito del 2%.",
    ]


@pytest.mark.parametrize(
    ("text", "sentence", "item"),
    [
        ("- utile netto: 2,55 miliardi", "utile", True),
        ("Intro:\n\n  * Revenue: $1.14 billion", "Revenue", True),
        ("> 2. Ricavi: 1,14 miliardi", "Ricavi", True),
        ("- Revenue rose. Net income fell.", "Net", False),
        ("Revenue rose 10%.", "Revenue", False),
        ("## Terre rare", "Terre", False),
    ],
)
def test_a_sentence_opens_a_list_item_after_its_marker(
    text: str, sentence: str, item: bool
) -> None:
    assert opens_list_item(text, text.index(sentence)) is item
