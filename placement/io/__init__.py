"""Reading and writing files: csv/xlsx input, templates, plan files. No rules here."""
