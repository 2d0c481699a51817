"""Errors a user can act on: the CLI prints their message on one line, never a traceback."""


class FollowupError(Exception):
    """A problem with the user's input or environment, with a message that says what to do."""

    exit_code = 2


class ModelNotInstalledError(FollowupError):
    """The spaCy base model named by the settings is not installed."""


class ModelFileError(FollowupError):
    """Our trained classifier is missing, corrupt or not one of ours."""
