# The newsroom: site.
