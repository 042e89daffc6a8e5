"""The plan: the plan file read and checked (plan_file), its obligations, the due query
(due), the cache of checked plans (cache), the format's rules (validation), and drafting a
plan from a document (drafting).
"""
