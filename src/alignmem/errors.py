"""One exception tree for everything alignmem reports to a user.

The CLI turns these into a single line on stderr (``alignmem: <message>``) and an exit status, in one
place (:func:`alignmem.cli.main`). Messages name the file and say what was wrong; they never end with
a period and never contain a newline.
"""


class AlignmemError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is what the CLI returns."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(AlignmemError):
    """A file or argument we cannot use: missing, empty, binary, too big, undecodable."""


class EncodingError(InputError):
    """Bytes that do not decode in the declared or detected encoding."""


class LanguageError(InputError):
    """An unknown language code, or a text that is not in the language it was declared to be."""


class FormatError(InputError):
    """A structured file (TMX, TBX, links, HTML, XML) that is malformed or hostile."""


class NotTranslationError(AlignmemError):
    """Two texts that are clearly not translations of each other."""


class OutputError(AlignmemError):
    """An output that cannot be written."""
