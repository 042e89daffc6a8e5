"""Rendering answers: output picks the format; one module of renderers per kind of answer
(deadlines: deadline, workdays, day, batch; plan: due, tasks, show, check; calendar).
"""
