"""Load saved models safely: a scikit-learn pipeline with skops, refusing any type outside an
explicit list, and the checks our plain-JSON model files share."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from followup_nlp.errors import ModelFileError


def load_trusted(path: Path, trusted: list[str], retrain: str) -> Any:
    """The object saved at `path`; a file holding another type, or a damaged one, raises
    ModelFileError naming the file (and `retrain`, the command that rebuilds it)."""
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    try:
        # skops checks every type against the list before building anything (one read of the
        # file; asking get_untrusted_types first read and parsed it twice).
        return sio.load(path, trusted=trusted)
    except UntrustedTypesFoundException:
        try:
            untrusted = set(sio.get_untrusted_types(file=path)) - set(trusted)
        except Exception:  # the refusal below is what matters
            untrusted = {"(unreadable)"}
        raise ModelFileError(
            f"{path.name} contains types we do not trust: {', '.join(sorted(untrusted))}"
        ) from None
    except Exception as exc:  # skops raises several types for a damaged archive
        raise ModelFileError(f"{path.name} is not a readable skops model ({exc}); "
                             f"run `{retrain}`") from exc


def finite_number(value: Any) -> float:
    """`value` as a float when it is a JSON number (not a bool) and finite; else ValueError."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r:.60}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number, got {value!r}")
    return number
