"""Drafting a plan from the text of a 工作要点 (extract)."""
