"""Search: shared analysis and query rules, the Whoosh index, snippets, the browser index, the CLI."""
