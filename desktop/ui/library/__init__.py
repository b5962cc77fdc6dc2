"""The library in the window: article list, search results, term view, imports, batch work."""
