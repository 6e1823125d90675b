"""The headless core: records and pure rules. Imports neither Textual nor TinyDB."""
