"""corpus helpers (developed in parallel; merged into helpers.py before release)."""

__all__: list[str] = []
