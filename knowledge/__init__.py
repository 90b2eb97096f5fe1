"""canon's core: what a knowledge base is and everything that can be asked of it."""
