"""Readers and writers of other programs' files; pure where possible."""
