"""Java ``SimpleDateFormat`` patterns: tokenizing, formatting, parsing and pitfall analysis."""

# The `updatedDateFormat`/`createdDateFormat` values that are not patterns: epoch milliseconds (documented) and
# `timestamp` (seen, undocumented); the value says whether the platform documents it.
SPECIAL_FORMATS: dict[str, bool] = {"milliseconds": True, "timestamp": False}
