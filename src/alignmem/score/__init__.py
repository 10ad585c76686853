"""How alike two stretches of text are: similarity signals behind one interface (:mod:`.base`), found by
name (:mod:`.registry`), over candidate cells (:mod:`.cells`); sentence encoders (:mod:`.encoders`)."""
