# The newsroom: stories.
