"""Domain model: grades, NIP, typed records and the Dataset. Pure data, no solver imports."""
