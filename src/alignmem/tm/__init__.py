"""Translation memories and glossaries as something to query: term lookup with a concordance (:mod:`.terms`)."""
