"""The text layer under every stage: the vocabulary of taxonomy_maps/, the grammar of printed numbers and dates,
and the one way HTML is parsed and its cells counted, shared by the readers and the writers."""
