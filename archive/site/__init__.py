"""The site's own files: Markdown with paragraph ids, the text of a page, the JSON export."""
