"""Qt-free core: articles, sentence splitting, translation, models, glossary, export."""
