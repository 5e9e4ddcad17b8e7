# The newsroom: library.
