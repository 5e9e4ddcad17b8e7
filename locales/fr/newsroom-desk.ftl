# The newsroom: desk.
