"""The 依申请公开 register: requests for government information, their append-only
histories, the reply date each history gives (政府信息公开条例 第三十条至第三十三条), and
the annual report's table 「收到和处理政府信息公开申请情况」.

    vocabulary.py  applicant types, channels, result categories and reasons
    counting.py    pure: a history and a WorkCalendar → the reply date and its steps
    annual.py      pure: requests → the annual report's table
    store.py       the SQLite file (schema, migrations, append-only events)
    ledger.py      reading an office's existing ledger (.csv, .xlsx)
"""
