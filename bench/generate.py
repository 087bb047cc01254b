"""A seeded generator of synthetic news corpora and rule packs for benchmarks.

Articles are Markdown with front matter, in Italian and English, about 600 words each:
headings, lists, quotes, numbers in both locales, entity names, and a share of wrong
attributions, reversed lineage and contradicting figures. Rule packs add N synthetic
companies and models (with attribution rules) to the shipped pack, so the cost of the
alias scan can be measured against the number of names.

    python bench/generate.py corpus OUT_DIR --articles 1000 [--seed 1]
    python bench/generate.py rules OUT_DIR --entities 10000 [--seed 1]

The same seed always gives the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

SHIPPED_RULES = Path(__file__).resolve().parent.parent / "rules"

OWNERS = {
    "Qwen": "Alibaba",
    "Doubao": "ByteDance",
    "Hunyuan": "Tencent",
    "Ernie": "Baidu",
    "Kimi": "Moonshot AI",
    "GLM": "Zhipu AI",
    "ChatGPT": "OpenAI",
    "Gemini": "Google",
    "Llama": "Meta",
    "Claude": "Anthropic",
    "Grok": "xAI",
}
LINEAGE = ["P100", "V100", "A100", "H100", "H200", "B200"]

IT = {
    "attribution": [
        "Il modello {model} di {owner} è tra i più scaricati del trimestre.",
        "{model}, sviluppato da {owner}, ha superato i concorrenti nei test.",
        "Per gruppi come {owner} ({model}) l'accesso all'hardware è cruciale.",
    ],
    "lineage": [
        "Il chip {newer}, evoluzione dell'{older}, offre prestazioni più elevate.",
        "L'{older}, predecessore dell'{newer}, resta diffuso nei data center.",
    ],
    "figures": [
        "I piani delle aziende cinesi prevedono {dc} nuovi data center, alimentati da oltre {gpus} GPU NVIDIA H200.",
        "La Cina può vantare la raffinazione di circa il {share}% delle terre rare a livello globale.",
    ],
    "filler": [
        "La domanda di capacità di calcolo per l'intelligenza artificiale continua a crescere a ritmi sostenuti.",
        "Gli analisti seguono con attenzione l'evoluzione delle regole sull'export di semiconduttori.",
        "Secondo fonti di settore, i prezzi dei componenti sono aumentati del {pct}% nell'ultimo anno.",
        "Le aziende investono {money} miliardi di euro in nuovi impianti e infrastrutture.",
        "Nel {year} il mercato ha registrato una crescita significativa, trainata dai servizi cloud.",
        "Il governo ha annunciato un piano da {big} posti di lavoro entro il {year}.",
        "La decisione segna un cambio di passo dopo mesi di incertezze sul fronte tecnologico.",
        "Molti osservatori ritengono che la competizione resterà intensa nei prossimi trimestri.",
        "Le università collaborano con le imprese per formare nuovi specialisti del settore.",
        "I consumi energetici dei centri di calcolo sono ormai un tema centrale del dibattito.",
    ],
    "headings": [
        "Il contesto",
        "I numeri",
        "Le reazioni del mercato",
        "Cosa cambia",
        "Le prospettive",
    ],
    "quote": "> «Stiamo vivendo una fase di trasformazione profonda», ha dichiarato un dirigente.",
    "list": [
        "- capacità di calcolo in crescita",
        "- nuove regole sull'export",
        "- investimenti pubblici",
    ],
}
EN = {
    "attribution": [
        "{owner}'s {model} is among the most downloaded models of the quarter.",
        "{model}, developed by {owner}, beat its rivals in the benchmarks.",
        "For groups such as {owner} ({model}), access to hardware is crucial.",
    ],
    "lineage": [
        "The {newer}, successor to the {older}, offers higher performance.",
        "The {older}, predecessor of the {newer}, is still common in data centers.",
    ],
    "figures": [
        "Chinese companies plan {dc} new data centers, powered by over {gpus} Nvidia H200 GPUs.",
        "China refines about {share}% of the world's rare earths.",
    ],
    "filler": [
        "Demand for computing capacity for artificial intelligence keeps growing at a sustained pace.",
        "Analysts are closely following the evolution of semiconductor export rules.",
        "According to industry sources, component prices rose {pct}% over the past year.",
        "Companies are investing {money} billion dollars in new plants and infrastructure.",
        "In {year} the market grew significantly, driven by cloud services.",
        "The government announced a plan for {big} jobs by {year}.",
        "The decision marks a change of pace after months of uncertainty on the technology front.",
        "Many observers believe competition will remain intense in the coming quarters.",
        "Universities are working with companies to train new specialists in the field.",
        "The energy use of data centres has become a central topic of debate.",
    ],
    "headings": ["Background", "The numbers", "Market reaction", "What changes", "Outlook"],
    "quote": '> "We are living through a deep transformation," an executive said.',
    "list": ["- growing computing capacity", "- new export rules", "- public investment"],
}


def _number(rng: random.Random, lang: str, value: int) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "it" else text


def _fill(template: str, rng: random.Random, lang: str, wrong: bool) -> str:
    models = list(OWNERS)
    model = rng.choice(models)
    owner = OWNERS[model]
    if wrong:
        owner = OWNERS[rng.choice([m for m in models if OWNERS[m] != owner])]
    index = rng.randrange(1, len(LINEAGE))
    newer, older = LINEAGE[index], LINEAGE[index - 1]
    if wrong:
        newer, older = older, newer
    return template.format(
        model=model,
        owner=owner,
        newer=newer,
        older=older,
        dc=63 if wrong else 36,
        gpus=_number(rng, lang, 100_000),
        share=60 if wrong else 90,
        pct=rng.randint(2, 30),
        money=rng.randint(2, 90),
        year=rng.randint(2019, 2026),
        big=_number(rng, lang, rng.randint(1, 90) * 1000),
    )


def article(rng: random.Random, index: int, error_rate: float = 0.05) -> str:
    """One synthetic article of about 600 words."""
    lang = "it" if index % 2 == 0 else "en"
    words = IT if lang == "it" else EN
    title = _fill(rng.choice(words["attribution"]), rng, lang, False).rstrip(".")
    out = [
        "---",
        f"lang: {lang}",
        f'title: "{title}"',
        f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "---",
        "",
        f"# {title}",
        "",
    ]
    count = 0
    paragraph = 0
    while count < 600:
        if paragraph % 3 == 0:
            out += [f"## {rng.choice(words['headings'])}", ""]
        sentences = [_fill(rng.choice(words["filler"]), rng, lang, False) for _ in range(3)]
        kind = rng.choice(["attribution", "lineage", "figures"])
        sentences.insert(
            rng.randrange(4), _fill(rng.choice(words[kind]), rng, lang, rng.random() < error_rate)
        )
        text = " ".join(sentences)
        out += [text, ""]
        count += len(text.split())
        if paragraph == 1:
            out += [words["quote"], ""]
        if paragraph == 2:
            out += [*words["list"], ""]
        paragraph += 1
    return "\n".join(out)


def write_corpus(folder: Path, articles: int, seed: int = 1, error_rate: float = 0.05) -> int:
    """Write `articles` articles into `folder`; return the number of words written.

    Articles alternate Italian (even index) and English (odd). `error_rate` is the share of
    claim sentences that are planted wrong."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(articles):
        text = article(rng, index, error_rate)
        total += len(text.split())
        (folder / f"article-{index:05d}.md").write_text(text, encoding="utf-8")
    return total


def write_rules(folder: Path, entities: int, seed: int = 1) -> None:
    """The shipped rule pack plus `entities` synthetic companies and models (half each)."""
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(SHIPPED_RULES, folder)
    syllables = [
        "ka",
        "lo",
        "mi",
        "ra",
        "to",
        "zu",
        "ne",
        "vo",
        "shi",
        "ta",
        "ber",
        "xin",
        "qua",
        "dor",
    ]
    lines = ["entities:"]
    rules = ["rules:"]
    for i in range(entities // 2):
        name = "".join(rng.choice(syllables) for _ in range(3)).capitalize() + f"{i}"
        lines.append(f"  - {{id: synth-co-{i}, type: company, name: {name} Labs}}")
        lines.append(f"  - {{id: synth-model-{i}, type: model, name: {name}GPT}}")
        rules += [
            f"  - id: synth-owner-{i}",
            "    kind: attribution",
            f"    owner: synth-co-{i}",
            f"    products: [synth-model-{i}]",
            "    severity: error",
            '    message: "{product} belongs to {owner}, not {claimed}"',
            "    source: synthetic benchmark rule",
        ]
    (folder / "synthetic.yaml").write_text("\n".join(lines + rules) + "\n", encoding="utf-8")


def main() -> None:
    """Command line: write a corpus or a rule pack."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="what", required=True)
    corpus = sub.add_parser("corpus")
    corpus.add_argument("out", type=Path)
    corpus.add_argument("--articles", type=int, default=1000)
    corpus.add_argument("--seed", type=int, default=1)
    rules = sub.add_parser("rules")
    rules.add_argument("out", type=Path)
    rules.add_argument("--entities", type=int, default=100)
    rules.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.what == "corpus":
        words = write_corpus(args.out, args.articles, args.seed)
        print(f"{args.articles} articles, {words} words in {args.out}")
    else:
        write_rules(args.out, args.entities, args.seed)
        print(f"rule pack with {args.entities} synthetic entities in {args.out}")


if __name__ == "__main__":
    main()
