"""What every stage needs: content errors, the YAML reader with positions, URLs, date display."""
