"""Text analysis shared by the code base: one markup masker, one sentence splitter, word lists as data."""
