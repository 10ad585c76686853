"""alignmem: sentence-aligned translation memories from English, Russian and Chinese versions of a document."""

__version__ = "0.1.0"
TOOL_NAME = "alignmem"
