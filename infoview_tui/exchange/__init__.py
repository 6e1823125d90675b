"""Getting data in and out of infoview: pure reading and writing of other programs' formats.

No Textual, no TinyDB and no store here (a test proves it): these modules turn bytes into plain
values and values into bytes. The services (`services/imports.py`, `services/exports.py`,
`services/intros.py`) read the store, call these, and write through the store; the CLI
(`cli_exchange.py`) and, later, the screens call the services.

- `people`: one person as a file gives them, what was skipped and why, and `ReadError`.
- `csv_people`: LinkedIn's Connections.csv as downloaded (and its ZIP), and any CSV with a
  header row (columns mapped by name, or by `--map`).
- `vcard`: vCard 2.1/3.0/4.0 in, vCard 3.0 out.
- `contacts_file`: which of these a file is.
- `companies`: employer names compared strictly (case, punctuation, legal suffixes) or loosely.
- `import_plan`: what an import will do, row by row, before anything is written.
- `folding`: content lines folded at 75 octets (iCalendar and vCard).
- `ical`, `markdown`, `activity`, `json_dump`, `uids`: the exports.
"""
