"""Resumable attachment uploads (filled in by the uploads work)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
