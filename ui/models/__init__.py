"""Table models for the desktop app's lists: ``QAbstractTableModel`` subclasses with named column
constants, filled through ``set_rows()`` and shown in batches through ``fetchMore()``."""
