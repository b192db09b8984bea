"""Dialogs of the desktop app: one dialog per module."""
