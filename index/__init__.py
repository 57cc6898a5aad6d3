"""The store, the search index derived from it, search, dossiers and exports."""
