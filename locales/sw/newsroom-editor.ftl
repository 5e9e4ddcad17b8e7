# The newsroom: editor.
