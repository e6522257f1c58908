"""Java ``SimpleDateFormat`` patterns: tokenizing, formatting, parsing and pitfall analysis."""
