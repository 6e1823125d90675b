"""One Screen per module. Imported lazily by the App so the first frame stays fast."""
