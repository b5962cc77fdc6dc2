"""The library: every article read, searchable in German and English, with a term index."""
